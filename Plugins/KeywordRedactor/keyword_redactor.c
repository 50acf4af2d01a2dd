/* placeholder */
#include "aura_plugin.h"
