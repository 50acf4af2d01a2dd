/*
 * keyword-redactor: an AuraStream REDACTOR plugin written in C (ABI 1.0), proof that the
 * plugin ABI is language-neutral. It flags every occurrence of configured keywords.
 *
 * Config (JSON object; every other shape is refused with a message):
 *
 *     {"keywords": ["Project Falcon", "acme-secret"], "type": "KEYWORD", "case_sensitive": false}
 *
 *   keywords        required, 1 to 1024 non-empty strings of at most 256 characters each.
 *   type            optional, default "KEYWORD": the entity type reported, 1 to 64 characters
 *                   of A-Z, 0-9 and _, starting with a letter (like the built-in wire names).
 *   case_sensitive  optional, default false. Case-insensitive matching folds ASCII, Latin-1,
 *                   Latin Extended-A, Greek and Cyrillic letters.
 *
 * Matching: occurrences must not be part of a longer word (a keyword edge that is a letter,
 * digit or `_` must not touch another one); at each position the longest keyword wins and
 * matches never overlap. Offsets count Unicode scalars, each ill-formed UTF-8 subpart counting
 * as one U+FFFD, as the host's Swift strings do. Instances are read-only after `create`.
 *
 * The library exports this one function; everything else in it is static.
 */
#ifndef KEYWORD_REDACTOR_H
#define KEYWORD_REDACTOR_H

#include "aura_plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Returns the plugin's static descriptor. */
__attribute__((visibility("default"))) const aura_plugin_descriptor *aura_plugin_entry(void);

#ifdef __cplusplus
}
#endif

#endif /* KEYWORD_REDACTOR_H */
