// The TLS settings are part of `ClientConfiguration`, so `import AuraClient` is enough to use them.
@_exported import struct AuraTLS.TLSClientConfiguration
