#ifndef AURA_LEXICON_IMAGE_H
#define AURA_LEXICON_IMAGE_H

#include <stddef.h>

/// The lexicon image embedded in this library (lexicon.image, written by `lexicon-image`):
/// its first byte, 64-byte aligned, with its size in bytes stored at `size`.
const void *aura_lexicon_image(size_t *size);

#endif
