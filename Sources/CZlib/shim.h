#ifndef AURA_CZLIB_SHIM_H
#define AURA_CZLIB_SHIM_H
#include <zlib.h>
#endif
