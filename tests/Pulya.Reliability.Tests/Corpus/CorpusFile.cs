using System.Globalization;
using System.Text;
using Pulya.Tests.Shared.Http;

namespace Pulya.Reliability.Tests.Corpus;

/// <summary>Reads the <c>*.corpus</c> files (format in <c>Corpus/README.md</c>).</summary>
public static class CorpusFile
{
    private const string Separator = " | ";

    /// <summary>Every case of every corpus file next to the test assembly, as xunit theory data (file, line, name: serializable, so each case is its own test).</summary>
    public static IEnumerable<object[]> All() => LoadAll().Select(c => new object[] { c.File, c.Line, c.Name });

    /// <summary>The case at <paramref name="line"/> of <paramref name="file"/>.</summary>
    public static CorpusCase Find(string file, int line) => Cases.Value.Single(c => c.File == file && c.Line == line);

    // Built once per test run: some cases expand to a megabyte.
    private static readonly Lazy<IReadOnlyList<CorpusCase>> Cases = new(LoadAll);

    public static IReadOnlyList<CorpusCase> LoadAll()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Corpus");
        return [.. Directory.GetFiles(directory, "*.corpus").Order(StringComparer.Ordinal).SelectMany(Load)];
    }

    public static IEnumerable<CorpusCase> Load(string path)
    {
        var file = Path.GetFileName(path);
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            // A line ending in " |" has an empty body field.
            var fields = (line.EndsWith(" |", StringComparison.Ordinal) ? line[..^2] + Separator : line).Split(Separator, 4);
            if (fields.Length < 3)
            {
                throw new FormatException($"{file}:{i + 1}: expected 'name | status | head [| body]'.");
            }

            yield return new CorpusCase(file, i + 1, fields[0].Trim(), CorpusExpectation.Parse(fields[1].Trim()), Build(fields[2], fields.Length > 3 ? fields[3] : string.Empty), line);
        }
    }

    /// <summary>Builds the request: head lines separated by <c>\n</c> (sent as CRLF), Host and Connection: close added unless given.</summary>
    public static RawRequest Build(string head, string body)
    {
        var bodyKind = RawBodyKind.Bytes;
        long streamLength = 0;
        byte[] bodyBytes = [];
        var trimmedBody = body.Trim();
        if (trimmedBody.StartsWith("@stream ", StringComparison.Ordinal) || trimmedBody.StartsWith("@chunked ", StringComparison.Ordinal))
        {
            var parts = trimmedBody.Split(' ', 2);
            bodyKind = parts[0] == "@stream" ? RawBodyKind.Stream : RawBodyKind.Chunked;
            streamLength = long.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        else
        {
            bodyBytes = Unescape(Expand(body));
        }

        var headText = Expand(head.Trim()).Replace("{{len}}", bodyBytes.Length.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var lines = headText.Split("\\n").ToList();
        if (!lines.Skip(1).Any(l => l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase)))
        {
            lines.Insert(1, "Host: 127.0.0.1");
        }

        if (!lines.Skip(1).Any(l => l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)))
        {
            lines.Add("Connection: close");
        }

        var headBytes = new List<byte>();
        foreach (var line in lines)
        {
            headBytes.AddRange(Unescape(line));
            headBytes.AddRange("\r\n"u8.ToArray());
        }

        headBytes.AddRange("\r\n"u8.ToArray());
        return new RawRequest([.. headBytes], bodyBytes, bodyKind, streamLength);
    }

    /// <summary>Expands <c>{{repeat N TEXT}}</c> (TEXT N times, <c>$i</c> in it replaced by the index).</summary>
    public static string Expand(string text)
    {
        var builder = new StringBuilder();
        var position = 0;
        while (true)
        {
            var start = text.IndexOf("{{repeat ", position, StringComparison.Ordinal);
            if (start < 0)
            {
                builder.Append(text, position, text.Length - position);
                return builder.ToString();
            }

            builder.Append(text, position, start - position);
            var end = text.IndexOf("}}", start, StringComparison.Ordinal);
            var spec = text[(start + "{{repeat ".Length)..end];
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            var count = int.Parse(spec[..space], CultureInfo.InvariantCulture);
            var unit = spec[(space + 1)..];
            for (var i = 0; i < count; i++)
            {
                builder.Append(unit.Replace("$i", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }

            position = end + 2;
        }
    }

    /// <summary>UTF-8 for literal text; <c>\xNN</c> a raw byte; <c>\r</c>, <c>\t</c>, <c>\0</c>, <c>\\</c>.</summary>
    public static byte[] Unescape(string text)
    {
        var bytes = new List<byte>(text.Length);
        var literal = new StringBuilder();
        void Flush()
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(literal.ToString()));
            literal.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                literal.Append(text[i]);
                continue;
            }

            var next = text[i + 1];
            switch (next)
            {
                case 'x' when i + 3 < text.Length:
                    Flush();
                    bytes.Add(byte.Parse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 3;
                    break;
                case 'r':
                    literal.Append('\r');
                    i++;
                    break;
                case 't':
                    literal.Append('\t');
                    i++;
                    break;
                case '0':
                    literal.Append('\0');
                    i++;
                    break;
                case '\\':
                    literal.Append('\\');
                    i++;
                    break;
                default:
                    literal.Append('\\');
                    break;
            }
        }

        Flush();
        return [.. bytes];
    }
}
