using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace MamBot.Host.Security;

/// <summary>
/// An HMAC for identifiers kept only to recognise them again (a chat id or an address in the throttles, a poster's
/// visitor). Its key is derived from the data-protection key ring (the oldest key, so every host of the database
/// agrees and a rotation changes nothing): whoever has only the database cannot test guesses against the hashes.
/// </summary>
public sealed class KeyedHash(IKeyManager keys, IDataProtectionProvider protection)
{
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("MamBot.KeyedHash.v1");
    private byte[]? _key;
    private readonly Lock _gate = new();

    /// <summary>64 hex characters.</summary>
    public string Of(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes(value)));

    private byte[] Key()
    {
        if (_key is { } known) return known;
        lock (_gate)
        {
            return _key ??= Derive();
        }
    }

    private byte[] Derive()
    {
        var ring = keys.GetAllKeys();
        if (!ring.Any(k => !k.IsRevoked))
        {
            protection.CreateProtector("MamBot.KeyedHash").Protect([0]); // makes the ring's first key
            ring = keys.GetAllKeys();
        }
        var oldest = ring.Where(k => !k.IsRevoked).OrderBy(k => k.CreationDate).ThenBy(k => k.KeyId).First();
        var secret = oldest.Descriptor.ExportToXml().SerializedDescriptorElement
            .Descendants().FirstOrDefault(e => e.Name.LocalName == "value" && e.Parent?.Name.LocalName == "masterKey")?.Value
            ?? throw new InvalidOperationException("The data-protection key has no master key to derive the hashing key from.");
        var material = Convert.FromBase64String(secret);
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, oldest.KeyId.ToByteArray(), Purpose);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }
}
