// The modules this one's API is made of, so `import AuraWire` is enough to use it.
@_exported import AuraCore
@_exported import AuraProto
