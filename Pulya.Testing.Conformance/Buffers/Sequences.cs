using System.Buffers;

namespace Pulya.Testing.Conformance.Buffers;

/// <summary>Multi-segment byte sequences, as a body read in pieces arrives, so readers meet segment boundaries.</summary>
public static class Sequences
{
    /// <summary>A sequence made of <paramref name="parts"/>, one segment each (empty parts included).</summary>
    public static ReadOnlySequence<byte> FromSegments(params ReadOnlyMemory<byte>[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(part);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary><paramref name="bytes"/> cut into pieces of <paramref name="size"/> bytes (the last may be shorter).</summary>
    public static ReadOnlyMemory<byte>[] Chunks(byte[] bytes, int size)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var chunks = new List<ReadOnlyMemory<byte>>();
        for (var i = 0; i < bytes.Length; i += size)
        {
            chunks.Add(bytes.AsMemory(i, Math.Min(size, bytes.Length - i)));
        }

        return [.. chunks];
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
