/* The plugin ABI header lives in include/aura_plugin.h; this file gives the target a C source. */
#include "aura_plugin.h"
