/*
 * The AuraStream plugin ABI, version 1.0.
 *
 * A plugin is a shared library that exports one function, `aura_plugin_entry`, returning a
 * pointer to a static `aura_plugin_descriptor`. The host reads `abi_major` first (offset 0,
 * a plain uint32) and refuses the plugin unless it equals AURA_PLUGIN_ABI_MAJOR; only then does
 * it trust the rest of the layout. `struct_size` lets the descriptor grow: fields added in later
 * minor versions go at the end, and the host reads them only when struct_size covers them.
 *
 * Kinds: an ANALYZER fills `analyze`; a REDACTOR fills `detect` and `free_entities`. The other
 * kind's pointers are NULL. Every plugin fills `create` and `destroy`: the host refuses a NULL
 * one, or one its kind needs, at load (docs/PLUGINS.md, "What the loader checks").
 *
 * Threading: after `create` returns, the host calls `analyze` / `detect` on one instance from
 * several threads at once. A plugin keeps per-call state on the stack or in memory it frees
 * before returning; an instance is read-only after `create`. `destroy` is called once, after
 * every call on the instance has returned.
 *
 * Ownership: every input buffer (config, text, language hint) belongs to the host and is valid
 * only during the call; the plugin copies what it keeps. `aura_sentiment` and the error buffer
 * are host-owned memory the plugin fills. The entity array returned by `detect` is plugin-owned:
 * the host copies it, then returns it with `free_entities`. Strings in the descriptor and entity
 * `type` names are static: valid as long as the library is loaded.
 *
 * Text is UTF-8, not NUL-terminated (a length is given). Entity offsets count Unicode scalars
 * (code points) from the start of the text, `end` exclusive.
 *
 * Errors: functions that can fail return 0 on success or a gRPC status code (3
 * INVALID_ARGUMENT, 13 INTERNAL, ...), and write a NUL-terminated message of at most
 * `error_capacity` bytes (including the NUL) into `error`.
 */
#ifndef AURA_PLUGIN_H
#define AURA_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AURA_PLUGIN_ABI_MAJOR 1u
#define AURA_PLUGIN_ABI_MINOR 0u
/* The name of the exported entry function. */
#define AURA_PLUGIN_ENTRY_SYMBOL "aura_plugin_entry"

typedef enum {
    AURA_PLUGIN_ANALYZER = 1,
    AURA_PLUGIN_REDACTOR = 2,
} aura_plugin_kind;

typedef enum {
    AURA_SENTIMENT_POSITIVE = 0,
    AURA_SENTIMENT_NEGATIVE = 1,
    AURA_SENTIMENT_NEUTRAL = 2,
    AURA_SENTIMENT_MIXED = 3,
} aura_sentiment_label;

/* An analyzer's result; the four scores sum to 1. */
typedef struct {
    uint32_t label;          /* aura_sentiment_label */
    double positive;
    double negative;
    double neutral;
    double mixed;
    double compound;         /* -1 (most negative) to 1 (most positive) */
    char language[16];       /* detected language, ISO 639-1 ("en") or "und"; NUL-terminated */
    double language_score;   /* confidence in `language`, 0 to 1 */
} aura_sentiment;

/* One piece of personal data a redactor found. */
typedef struct {
    const char *type;        /* static name: "EMAIL", "PHONE", "US_SSN", "CREDIT_DEBIT_NUMBER", ... */
    uint32_t begin;          /* offset of the first scalar */
    uint32_t end;            /* offset one past the last scalar */
    double score;            /* confidence, 0 to 1 */
} aura_entity;

/* An opaque plugin instance. */
typedef struct aura_instance aura_instance;

typedef struct aura_plugin_descriptor {
    uint32_t abi_major;          /* AURA_PLUGIN_ABI_MAJOR; offset 0, read before anything else */
    uint32_t abi_minor;          /* AURA_PLUGIN_ABI_MINOR */
    uint32_t struct_size;        /* sizeof(aura_plugin_descriptor) as the plugin was built */
    uint32_t kind;               /* aura_plugin_kind */
    const char *name;            /* e.g. "lexicon-sentiment" */
    const char *version;         /* a semantic version 2.0.0, e.g. "1.2.0" or "2.0.0-rc.1" */
    const char *languages;       /* comma-separated ISO 639-1 codes, e.g. "en,es,fr" */

    /* Creates an instance from a JSON object (config_len may be 0: use the defaults).
     * Returns NULL on failure, with the reason in `error`. */
    aura_instance *(*create)(const char *config_json, size_t config_len, char *error, size_t error_capacity);
    /* Releases an instance. */
    void (*destroy)(aura_instance *instance);

    /* ANALYZER: the sentiment of `text`; `language_hint` ("" for none) is NUL-terminated. */
    uint32_t (*analyze)(aura_instance *instance, const char *text, size_t text_len,
                        const char *language_hint, aura_sentiment *result,
                        char *error, size_t error_capacity);

    /* REDACTOR: the personal data in `text`, as a plugin-owned array in *entities. */
    uint32_t (*detect)(aura_instance *instance, const char *text, size_t text_len,
                       aura_entity **entities, size_t *entity_count,
                       char *error, size_t error_capacity);
    /* REDACTOR: returns an array `detect` produced. */
    void (*free_entities)(aura_instance *instance, aura_entity *entities, size_t entity_count);
} aura_plugin_descriptor;

/* The one symbol a plugin exports. */
typedef const aura_plugin_descriptor *(*aura_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* AURA_PLUGIN_H */
