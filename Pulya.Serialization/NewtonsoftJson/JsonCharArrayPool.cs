using System.Buffers;
using Newtonsoft.Json;

namespace Pulya.Serialization;

/// <summary>Lends Newtonsoft's reader and writer their character buffers from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal sealed class JsonCharArrayPool : IArrayPool<char>
{
    public static readonly JsonCharArrayPool Instance = new();

    private JsonCharArrayPool()
    {
    }

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
