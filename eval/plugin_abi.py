"""ctypes bindings of the plugin C ABI (Sources/CAuraPlugin/include/aura_plugin.h), for the
scripts that drive a built plugin the way the server does: dlopen, create, analyze or detect."""
import ctypes as C
import os
import sys

class Sentiment(C.Structure):
    _fields_ = [("label", C.c_uint32), ("positive", C.c_double), ("negative", C.c_double),
                ("neutral", C.c_double), ("mixed", C.c_double), ("compound", C.c_double),
                ("language", C.c_char * 16), ("language_score", C.c_double)]

class Entity(C.Structure):
    _fields_ = [("type", C.c_char_p), ("begin", C.c_uint32), ("end", C.c_uint32), ("score", C.c_double)]

CREATE = C.CFUNCTYPE(C.c_void_p, C.c_char_p, C.c_size_t, C.c_char_p, C.c_size_t)
DESTROY = C.CFUNCTYPE(None, C.c_void_p)
ANALYZE = C.CFUNCTYPE(C.c_uint32, C.c_void_p, C.c_char_p, C.c_size_t, C.c_char_p,
                      C.POINTER(Sentiment), C.c_char_p, C.c_size_t)
DETECT = C.CFUNCTYPE(C.c_uint32, C.c_void_p, C.c_char_p, C.c_size_t, C.POINTER(C.POINTER(Entity)),
                     C.POINTER(C.c_size_t), C.c_char_p, C.c_size_t)
FREE = C.CFUNCTYPE(None, C.c_void_p, C.POINTER(Entity), C.c_size_t)

class Descriptor(C.Structure):
    _fields_ = [("abi_major", C.c_uint32), ("abi_minor", C.c_uint32), ("struct_size", C.c_uint32),
                ("kind", C.c_uint32), ("name", C.c_char_p), ("version", C.c_char_p),
                ("languages", C.c_char_p), ("create", CREATE), ("destroy", DESTROY),
                ("analyze", ANALYZE), ("detect", DETECT), ("free_entities", FREE)]

def load(path):
    """The plugin's descriptor (`aura_plugin_entry()`), the library kept loaded."""
    lib = C.CDLL(os.path.abspath(path), mode=os.RTLD_NOW | getattr(os, "RTLD_NODELETE", 0x1000))
    lib.aura_plugin_entry.restype = C.POINTER(Descriptor)
    return lib.aura_plugin_entry().contents

def create(descriptor, config, error):
    """An instance made with `config` (JSON text); exits with the plugin's message if refused."""
    data = config.encode()
    instance = descriptor.create(data, len(data), error, len(error))
    if not instance:
        sys.exit(f"create failed: {error.value.decode()}")
    return instance
