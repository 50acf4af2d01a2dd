// The types that appear in this module's API, so `import AuraEventLoop` is enough to use it.
@_exported import struct AuraBytes.ByteBuffer
@_exported import struct AuraPosix.SocketAddress
@_exported import enum AuraPosix.SocketAddressError
@_exported import struct AuraPosix.SystemError
