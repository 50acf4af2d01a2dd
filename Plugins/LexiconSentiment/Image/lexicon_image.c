// Embeds lexicon.image, read-only and in place (LexiconImage.swift). #embed is C23; clang
// accepts it in earlier modes as an extension.
#include "lexicon_image.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

__attribute__((aligned(64))) static const unsigned char image[] = {
#embed "lexicon.image"
};

__attribute__((visibility("hidden"))) const void *aura_lexicon_image(size_t *size) {
    *size = sizeof image;
    return image;
}
