using System.Buffers;

namespace Pulya.Forms;

/// <summary>
/// The content of one uploaded file, read off the request once: in memory up to <see cref="MemoryThreshold"/> bytes,
/// beyond that in a temporary file that <see cref="Dispose"/> deletes (the pipeline does so when the response completes).
/// Each <see cref="Open"/> returns a new read-only stream over it.
/// </summary>
internal sealed class FormFileBuffer : IDisposable
{
    public const int MemoryThreshold = 64 * 1024;

    private MemoryStream? _memory = new();
    private string? _path;

    public long Length { get; private set; }

    public static async Task<FormFileBuffer> ReadAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = new FormFileBuffer();
        var block = ArrayPool<byte>.Shared.Rent(16 * 1024);
        FileStream? file = null;
        try
        {
            int read;
            while ((read = await source.ReadAsync(block, cancellationToken)) > 0)
            {
                buffer.Length += read;
                if (file is null && buffer.Length > MemoryThreshold)
                {
                    buffer._path = Path.GetTempFileName();
                    file = new FileStream(buffer._path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous);
                    await file.WriteAsync(buffer._memory!.GetBuffer().AsMemory(0, (int)buffer._memory.Length), cancellationToken);
                    buffer._memory = null;
                }

                await (file?.WriteAsync(block.AsMemory(0, read), cancellationToken) ?? buffer._memory!.WriteAsync(block.AsMemory(0, read), cancellationToken));
            }
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }

        return buffer;
    }

    public Stream Open() => _path is null
        ? new MemoryStream(_memory!.GetBuffer(), 0, (int)Length, writable: false)
        : new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);

    public void Dispose()
    {
        if (_path is not null)
        {
            File.Delete(_path);
            _path = null;
        }
    }
}
