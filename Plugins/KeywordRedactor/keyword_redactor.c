/*
 * keyword-redactor: finds configured keywords in UTF-8 text. See include/keyword_redactor.h
 * for the config and the matching rules. Sections: UTF-8 and case folding, the config reader,
 * interned type names, the ABI functions.
 */
#include "keyword_redactor.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { STATUS_OK = 0, STATUS_INVALID_ARGUMENT = 3, STATUS_INTERNAL = 13 };
enum { MAX_KEYWORDS = 1024, MAX_KEYWORD_SCALARS = 256, MAX_TYPE_LENGTH = 64 };

/* Writes a NUL-terminated message into the host's buffer, cut on a UTF-8 character boundary. */
static void set_error_v(char *error, size_t capacity, const char *format, va_list arguments)
    __attribute__((format(printf, 3, 0)));
static void set_error_v(char *error, size_t capacity, const char *format, va_list arguments) {
    if (error == NULL || capacity == 0) return;
    int written = vsnprintf(error, capacity, format, arguments);
    if (written < 0) {
        error[0] = '\0';
    } else if ((size_t)written >= capacity) {
        size_t cut = capacity - 1;
        while (cut > 0 && ((unsigned char)error[cut] & 0xC0) == 0x80) cut--;
        error[cut] = '\0';
    }
}

static void set_error(char *error, size_t capacity, const char *format, ...) __attribute__((format(printf, 3, 4)));
static void set_error(char *error, size_t capacity, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    set_error_v(error, capacity, format, arguments);
    va_end(arguments);
}

/* ---- UTF-8 and case folding ------------------------------------------------------------ */

#define REPLACEMENT 0xFFFDu

/* Decodes the scalar at text[pos] (pos < len): its value, and its length in *length. Ill-formed
 * input gives U+FFFD over its maximal subpart (Unicode 3.9, Table 3-7), as Swift's String does;
 * *valid tells whether the sequence was well formed. */
static uint32_t decode(const unsigned char *text, size_t len, size_t pos, size_t *length, bool *valid) {
    unsigned char lead = text[pos];
    *length = 1;
    *valid = true;
    if (lead < 0x80) return lead;
    size_t need;
    unsigned char low = 0x80, high = 0xBF;
    uint32_t value;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 2; value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 3; value = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 4; value = lead & 0x07;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        *valid = false;
        return REPLACEMENT;
    }
    for (size_t offset = 1; offset < need; offset++) {
        unsigned char byte = pos + offset < len ? text[pos + offset] : 0;
        unsigned char lo = offset == 1 ? low : 0x80, hi = offset == 1 ? high : 0xBF;
        if (pos + offset >= len || byte < lo || byte > hi) {
            *length = offset;
            *valid = false;
            return REPLACEMENT;
        }
        value = value << 6 | (byte & 0x3F);
    }
    *length = need;
    return value;
}

/* Simple case folding for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic. */
static uint32_t fold(uint32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
    if (c == 0x178) return 0xFF;
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c == 0x3C2) return 0x3C3; /* final sigma */
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

/* Letters, digits, marks and `_` are word characters; spaces, punctuation, symbols and emoji
 * are not. Outside ASCII this is a range approximation: common punctuation and symbol blocks
 * are non-word, everything else counts as a letter. */
static bool is_word(uint32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (c <= 0xBF) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7 || c == REPLACEMENT) return false;
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE00 && c <= 0xFE0F)) return false;
    if ((c >= 0xFF00 && c <= 0xFF0F) || (c >= 0x1F000 && c <= 0x1FAFF)) return false;
    return true;
}

/* ---- The instance ---------------------------------------------------------------------- */

typedef struct {
    uint32_t *scalars;     /* folded unless case-sensitive */
    size_t count;
    bool word_at_start;    /* its first scalar is a word character: the one before must not be */
    bool word_at_end;      /* likewise for the last scalar and the one after */
} keyword;

struct aura_instance {
    keyword *keywords;     /* sorted by first scalar, then longest first */
    size_t keyword_count;
    const char *type;      /* interned: lives as long as the library */
    bool case_sensitive;
};

static void instance_free(struct aura_instance *instance) {
    if (instance == NULL) return;
    for (size_t i = 0; i < instance->keyword_count; i++) free(instance->keywords[i].scalars);
    free(instance->keywords);
    free(instance);
}

static int compare_keywords(const void *a, const void *b) {
    const keyword *left = a, *right = b;
    if (left->scalars[0] != right->scalars[0]) return left->scalars[0] < right->scalars[0] ? -1 : 1;
    if (left->count != right->count) return left->count > right->count ? -1 : 1;
    return 0;
}

/* ---- Interned type names ---------------------------------------------------------------- */

/* Entity type names must stay valid as long as the library is loaded (the ABI), but `type` is
 * configurable, so each distinct name is copied once into this list and freed at unload. */
typedef struct interned {
    struct interned *next;
    char name[];
} interned;

static pthread_mutex_t interned_lock = PTHREAD_MUTEX_INITIALIZER;
static interned *interned_names = NULL;

static const char *intern_type(const char *name) {
    if (strcmp(name, "KEYWORD") == 0) return "KEYWORD";
    pthread_mutex_lock(&interned_lock);
    interned *entry = interned_names;
    while (entry != NULL && strcmp(entry->name, name) != 0) entry = entry->next;
    if (entry == NULL) {
        size_t length = strlen(name);
        entry = malloc(sizeof(interned) + length + 1);
        if (entry != NULL) {
            memcpy(entry->name, name, length + 1);
            entry->next = interned_names;
            interned_names = entry;
        }
    }
    pthread_mutex_unlock(&interned_lock);
    return entry != NULL ? entry->name : NULL;
}

__attribute__((destructor)) static void free_interned_names(void) {
    while (interned_names != NULL) {
        interned *next = interned_names->next;
        free(interned_names);
        interned_names = next;
    }
}

/* ---- The config reader ------------------------------------------------------------------ */

/* A cursor over the config bytes; the first failure writes its message and stops. */
typedef struct {
    const unsigned char *text;
    size_t len;
    size_t pos;
    char *error;
    size_t capacity;
} reader;

/* Records the reader's failure; returns false so callers can `return fail(...)`. */
static bool fail(reader *r, const char *format, ...) __attribute__((format(printf, 2, 3)));
static bool fail(reader *r, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    set_error_v(r->error, r->capacity, format, arguments);
    va_end(arguments);
    return false;
}

static void skip_space(reader *r) {
    while (r->pos < r->len && (r->text[r->pos] == ' ' || r->text[r->pos] == '\t' ||
                               r->text[r->pos] == '\n' || r->text[r->pos] == '\r')) {
        r->pos++;
    }
}

static bool consume(reader *r, char c) {
    skip_space(r);
    if (r->pos < r->len && r->text[r->pos] == (unsigned char)c) {
        r->pos++;
        return true;
    }
    return false;
}

static bool expect(reader *r, char c, const char *what) {
    return consume(r, c) || fail(r, "invalid config JSON at byte %zu: expected %s", r->pos, what);
}

static bool consume_literal(reader *r, const char *literal) {
    size_t length = strlen(literal);
    if (r->len - r->pos < length || memcmp(r->text + r->pos, literal, length) != 0) return false;
    r->pos += length;
    return true;
}

static bool read_hex4(reader *r, uint32_t *value) {
    if (r->len - r->pos < 4) return fail(r, "invalid config JSON at byte %zu: truncated \\u escape", r->pos);
    *value = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char c = r->text[r->pos++];
        uint32_t digit;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        else return fail(r, "invalid config JSON at byte %zu: invalid \\u escape", r->pos - 1);
        *value = *value << 4 | digit;
    }
    return true;
}

static size_t encode_utf8(uint32_t c, unsigned char *out) {
    if (c < 0x80) { out[0] = (unsigned char)c; return 1; }
    if (c < 0x800) { out[0] = (unsigned char)(0xC0 | c >> 6); out[1] = (unsigned char)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xE0 | c >> 12); out[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        out[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | c >> 18); out[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
    out[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F)); out[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* Reads a JSON string into a malloc'd, NUL-terminated UTF-8 copy (escapes decoded; raw bytes
 * must be well-formed UTF-8 without control characters). The caller frees *out. */
static bool read_string(reader *r, char **out, size_t *out_length) {
    *out = NULL;
    if (!expect(r, '"', "a string")) return false;
    /* Escapes never grow: the decoded text fits in the remaining input. */
    unsigned char *buffer = malloc(r->len - r->pos + 1);
    if (buffer == NULL) return fail(r, "out of memory reading the config");
    size_t length = 0;
    for (;;) {
        if (r->pos >= r->len) { free(buffer); return fail(r, "invalid config JSON at byte %zu: unterminated string", r->pos); }
        unsigned char c = r->text[r->pos];
        if (c == '"') { r->pos++; break; }
        if (c < 0x20) { free(buffer); return fail(r, "invalid config JSON at byte %zu: control character in string", r->pos); }
        if (c >= 0x80) {
            size_t scalar_length;
            bool valid;
            decode(r->text, r->len, r->pos, &scalar_length, &valid);
            if (!valid) { free(buffer); return fail(r, "invalid config JSON at byte %zu: string is not valid UTF-8", r->pos); }
            memcpy(buffer + length, r->text + r->pos, scalar_length);
            length += scalar_length;
            r->pos += scalar_length;
            continue;
        }
        r->pos++;
        if (c != '\\') { buffer[length++] = c; continue; }
        if (r->pos >= r->len) { free(buffer); return fail(r, "invalid config JSON at byte %zu: unterminated escape", r->pos); }
        unsigned char escape = r->text[r->pos++];
        uint32_t value;
        switch (escape) {
        case '"': case '\\': case '/': buffer[length++] = escape; break;
        case 'b': buffer[length++] = '\b'; break;
        case 'f': buffer[length++] = '\f'; break;
        case 'n': buffer[length++] = '\n'; break;
        case 'r': buffer[length++] = '\r'; break;
        case 't': buffer[length++] = '\t'; break;
        case 'u':
            if (!read_hex4(r, &value)) { free(buffer); return false; }
            if (value >= 0xD800 && value <= 0xDBFF) {
                uint32_t low;
                if (!consume_literal(r, "\\u") || !read_hex4(r, &low) || low < 0xDC00 || low > 0xDFFF) {
                    free(buffer);
                    return fail(r, "invalid config JSON at byte %zu: unpaired surrogate escape", r->pos);
                }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
            } else if (value >= 0xDC00 && value <= 0xDFFF) {
                free(buffer);
                return fail(r, "invalid config JSON at byte %zu: unpaired surrogate escape", r->pos);
            }
            length += encode_utf8(value, buffer + length);
            break;
        default:
            free(buffer);
            return fail(r, "invalid config JSON at byte %zu: invalid escape", r->pos - 1);
        }
    }
    buffer[length] = '\0';
    *out = (char *)buffer;
    *out_length = length;
    return true;
}

/* Turns a decoded keyword into its folded scalars. */
static bool add_keyword(reader *r, struct aura_instance *instance, const char *text, size_t length) {
    if (length == 0) return fail(r, "keyword %zu is empty", instance->keyword_count + 1);
    if (instance->keyword_count == MAX_KEYWORDS) return fail(r, "too many keywords (at most %d)", MAX_KEYWORDS);
    uint32_t *scalars = malloc(length * sizeof(uint32_t));
    if (scalars == NULL) return fail(r, "out of memory reading the config");
    size_t count = 0;
    for (size_t pos = 0; pos < length;) {
        size_t scalar_length;
        bool valid;
        uint32_t c = decode((const unsigned char *)text, length, pos, &scalar_length, &valid);
        scalars[count++] = instance->case_sensitive ? c : fold(c);
        pos += scalar_length;
    }
    if (count > MAX_KEYWORD_SCALARS) {
        free(scalars);
        return fail(r, "keyword %zu is longer than %d characters", instance->keyword_count + 1, MAX_KEYWORD_SCALARS);
    }
    keyword *entry = &instance->keywords[instance->keyword_count++];
    entry->scalars = scalars;
    entry->count = count;
    entry->word_at_start = is_word(scalars[0]);
    entry->word_at_end = is_word(scalars[count - 1]);
    return true;
}

static bool read_keywords(reader *r, char ***texts, size_t **lengths, size_t *count) {
    if (!expect(r, '[', "\"keywords\" to be an array of strings")) return false;
    *texts = calloc(MAX_KEYWORDS, sizeof(char *));
    *lengths = calloc(MAX_KEYWORDS, sizeof(size_t));
    if (*texts == NULL || *lengths == NULL) return fail(r, "out of memory reading the config");
    if (consume(r, ']')) return true;
    do {
        if (*count == MAX_KEYWORDS) return fail(r, "too many keywords (at most %d)", MAX_KEYWORDS);
        skip_space(r);
        if (r->pos >= r->len || r->text[r->pos] != '"') {
            return fail(r, "invalid config JSON at byte %zu: \"keywords\" must hold only strings", r->pos);
        }
        if (!read_string(r, &(*texts)[*count], &(*lengths)[*count])) return false;
        (*count)++;
    } while (consume(r, ','));
    return expect(r, ']', "',' or ']' in \"keywords\"");
}

static bool read_bool(reader *r, bool *value) {
    skip_space(r);
    if (consume_literal(r, "true")) { *value = true; return true; }
    if (consume_literal(r, "false")) { *value = false; return true; }
    return fail(r, "invalid config JSON at byte %zu: \"case_sensitive\" must be true or false", r->pos);
}

static bool valid_type_name(const char *name, size_t length) {
    if (length == 0 || length > MAX_TYPE_LENGTH || name[0] < 'A' || name[0] > 'Z') return false;
    for (size_t i = 0; i < length; i++) {
        char c = name[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

/* Parses the whole config into `instance`. Keywords are folded only once `case_sensitive` is
 * known, so their texts are kept until the object ends. */
static bool read_config(reader *r, struct aura_instance *instance) {
    char **texts = NULL, *type = NULL, *key = NULL;
    size_t *lengths = NULL, text_count = 0, key_length = 0, type_length = 0;
    bool seen_keywords = false, seen_type = false, seen_case = false, ok = false;
    instance->case_sensitive = false;

    skip_space(r);
    if (r->pos >= r->len) {
        fail(r, "the config is empty; it needs \"keywords\": a non-empty array of strings");
        goto done;
    }
    if (!expect(r, '{', "a JSON object")) goto done;
    if (!consume(r, '}')) {
        do {
            skip_space(r);
            if (!read_string(r, &key, &key_length)) goto done;
            if (!expect(r, ':', "':' after a key")) goto done;
            if (strcmp(key, "keywords") == 0 && key_length == 8) {
                if (seen_keywords) { fail(r, "duplicate key \"keywords\""); goto done; }
                seen_keywords = true;
                if (!read_keywords(r, &texts, &lengths, &text_count)) goto done;
            } else if (strcmp(key, "type") == 0 && key_length == 4) {
                if (seen_type) { fail(r, "duplicate key \"type\""); goto done; }
                seen_type = true;
                skip_space(r);
                if (r->pos >= r->len || r->text[r->pos] != '"') {
                    fail(r, "invalid config JSON at byte %zu: \"type\" must be a string", r->pos);
                    goto done;
                }
                if (!read_string(r, &type, &type_length)) goto done;
                if (!valid_type_name(type, type_length)) {
                    fail(r, "\"type\" must be 1 to %d characters of A-Z, 0-9 and _, starting with a letter", MAX_TYPE_LENGTH);
                    goto done;
                }
            } else if (strcmp(key, "case_sensitive") == 0 && key_length == 14) {
                if (seen_case) { fail(r, "duplicate key \"case_sensitive\""); goto done; }
                seen_case = true;
                if (!read_bool(r, &instance->case_sensitive)) goto done;
            } else {
                fail(r, "unknown config key \"%.40s\"; the keys are \"keywords\", \"type\" and \"case_sensitive\"", key);
                goto done;
            }
            free(key);
            key = NULL;
        } while (consume(r, ','));
        if (!expect(r, '}', "',' or '}'")) goto done;
    }
    skip_space(r);
    if (r->pos != r->len) {
        fail(r, "invalid config JSON at byte %zu: unexpected text after the JSON object", r->pos);
        goto done;
    }
    if (text_count == 0) {
        fail(r, "the config needs \"keywords\": a non-empty array of strings");
        goto done;
    }
    instance->keywords = calloc(text_count, sizeof(keyword));
    if (instance->keywords == NULL) { fail(r, "out of memory reading the config"); goto done; }
    for (size_t i = 0; i < text_count; i++) {
        if (!add_keyword(r, instance, texts[i], lengths[i])) goto done;
    }
    qsort(instance->keywords, instance->keyword_count, sizeof(keyword), compare_keywords);
    instance->type = intern_type(type != NULL ? type : "KEYWORD");
    if (instance->type == NULL) { fail(r, "out of memory reading the config"); goto done; }
    ok = true;
done:
    if (texts != NULL) for (size_t i = 0; i < text_count; i++) free(texts[i]);
    free(texts);
    free(lengths);
    free(type);
    free(key);
    return ok;
}

/* ---- The ABI functions ------------------------------------------------------------------ */

static aura_instance *keyword_create(const char *config, size_t config_len, char *error, size_t error_capacity) {
    struct aura_instance *instance = calloc(1, sizeof(struct aura_instance));
    if (instance == NULL) {
        set_error(error, error_capacity, "out of memory creating an instance");
        return NULL;
    }
    reader r = {(const unsigned char *)(config != NULL ? config : ""), config != NULL ? config_len : 0, 0, error, error_capacity};
    if (!read_config(&r, instance)) {
        instance_free(instance);
        return NULL;
    }
    return instance;
}

static void keyword_destroy(aura_instance *instance) {
    instance_free(instance);
}

/* The first keyword whose first scalar is `c` (keywords are sorted by it), or NULL. */
static const keyword *first_with(const struct aura_instance *instance, uint32_t c) {
    size_t low = 0, high = instance->keyword_count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (instance->keywords[middle].scalars[0] < c) low = middle + 1;
        else high = middle;
    }
    return low < instance->keyword_count && instance->keywords[low].scalars[0] == c ? &instance->keywords[low] : NULL;
}

/* Whether `k` occurs at byte `pos`; on success *end is the byte after it. */
static bool matches_at(const struct aura_instance *instance, const keyword *k, const unsigned char *text,
                       size_t len, size_t pos, size_t *end) {
    for (size_t i = 0; i < k->count; i++) {
        if (pos >= len) return false;
        size_t length;
        bool valid;
        uint32_t c = decode(text, len, pos, &length, &valid);
        if ((instance->case_sensitive ? c : fold(c)) != k->scalars[i]) return false;
        pos += length;
    }
    if (k->word_at_end && pos < len) {
        size_t length;
        bool valid;
        if (is_word(decode(text, len, pos, &length, &valid))) return false;
    }
    *end = pos;
    return true;
}

static uint32_t keyword_detect(aura_instance *instance, const char *text_chars, size_t text_len,
                               aura_entity **entities, size_t *entity_count, char *error, size_t error_capacity) {
    if (instance == NULL || entities == NULL || entity_count == NULL) {
        set_error(error, error_capacity, "detect needs an instance and places for the entities and their count");
        return STATUS_INVALID_ARGUMENT;
    }
    *entities = NULL;
    *entity_count = 0;
    if (text_chars == NULL && text_len > 0) {
        set_error(error, error_capacity, "text is NULL but its length is %zu", text_len);
        return STATUS_INVALID_ARGUMENT;
    }
    if (text_len > UINT32_MAX) {
        set_error(error, error_capacity, "text of %zu bytes is too long: entity offsets are 32-bit", text_len);
        return STATUS_INVALID_ARGUMENT;
    }
    const unsigned char *text = (const unsigned char *)text_chars;
    aura_entity *found = NULL;
    size_t count = 0, capacity = 0;
    uint32_t scalar_index = 0;
    bool previous_is_word = false;
    size_t pos = 0;
    while (pos < text_len) {
        size_t length;
        bool valid;
        uint32_t c = decode(text, text_len, pos, &length, &valid);
        uint32_t key = instance->case_sensitive ? c : fold(c);
        const keyword *best = NULL;
        size_t best_end = 0;
        for (const keyword *k = first_with(instance, key);
             k != NULL && k < instance->keywords + instance->keyword_count && k->scalars[0] == key; k++) {
            if (k->word_at_start && previous_is_word) continue;
            size_t end;
            if (matches_at(instance, k, text, text_len, pos, &end)) {
                best = k; /* sorted longest first: the first hit is the longest */
                best_end = end;
                break;
            }
        }
        if (best == NULL) {
            previous_is_word = is_word(c);
            pos += length;
            scalar_index++;
            continue;
        }
        if (count == capacity) {
            size_t grown = capacity == 0 ? 16 : capacity * 2;
            aura_entity *larger = realloc(found, grown * sizeof(aura_entity));
            if (larger == NULL) {
                free(found);
                set_error(error, error_capacity, "out of memory for %zu entities", grown);
                return STATUS_INTERNAL;
            }
            found = larger;
            capacity = grown;
        }
        found[count++] = (aura_entity){
            .type = instance->type, .begin = scalar_index, .end = scalar_index + (uint32_t)best->count, .score = 1.0};
        scalar_index += (uint32_t)best->count;
        previous_is_word = best->word_at_end;
        pos = best_end;
    }
    *entities = found;
    *entity_count = count;
    return STATUS_OK;
}

static void keyword_free_entities(aura_instance *instance, aura_entity *entities, size_t entity_count) {
    (void)instance;
    (void)entity_count;
    free(entities);
}

static const aura_plugin_descriptor descriptor = {
    .abi_major = AURA_PLUGIN_ABI_MAJOR,
    .abi_minor = AURA_PLUGIN_ABI_MINOR,
    .struct_size = sizeof(aura_plugin_descriptor),
    .kind = AURA_PLUGIN_REDACTOR,
    .name = "keyword-redactor",
    .version = "1.0.0",
    .languages = "en",
    .create = keyword_create,
    .destroy = keyword_destroy,
    .analyze = NULL,
    .detect = keyword_detect,
    .free_entities = keyword_free_entities,
};

const aura_plugin_descriptor *aura_plugin_entry(void) {
    return &descriptor;
}
