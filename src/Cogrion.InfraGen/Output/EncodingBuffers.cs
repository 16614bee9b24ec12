using System.Text;

namespace Cogrion.InfraGen.Output;

/// <summary>
/// One thread's buffers for a file's UTF-8 bytes and for the bytes already on disk, reused for every file the thread
/// compares or writes: a large tree is thousands of files, and a one-shot run collects no garbage (OneShotProcess).
/// </summary>
internal sealed class EncodingBuffers
{
    /// <summary>UTF-8 without a byte order mark; a string that cannot be encoded (a lone surrogate) throws.</summary>
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static EncodingBuffers? t_buffers;

    private byte[] _encoded = new byte[16 * 1024];
    private byte[] _existing = new byte[16 * 1024];

    /// <summary>The calling thread's buffers.</summary>
    public static EncodingBuffers ForThisThread => t_buffers ??= new EncodingBuffers();

    /// <summary><paramref name="text"/>'s bytes, valid until this thread's next call.</summary>
    public ReadOnlySpan<byte> Encode(string text)
    {
        var most = Utf8NoBom.GetMaxByteCount(text.Length);
        if (most > _encoded.Length)
        {
            _encoded = new byte[most];
        }

        return _encoded.AsSpan(0, Utf8NoBom.GetBytes(text, _encoded));
    }

    /// <summary>A buffer of <paramref name="length"/> bytes to read a file into, valid until this thread's next call.</summary>
    public Span<byte> Existing(int length)
    {
        if (length > _existing.Length)
        {
            _existing = new byte[length];
        }

        return _existing.AsSpan(0, length);
    }
}
