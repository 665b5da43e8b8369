/*===--- types.c - Canonical function type ids -----------------------------===*
 *
 * \file
 * Interns function types structurally for the whole process, so that
 * call_indirect and import checks compare one integer: equal ids <=> equal
 * parameter and result lists, across all modules and hosts. Interned types
 * are never freed (there are few distinct ones), which keeps the pointers
 * rt_type_get returns valid forever. Guarded by one mutex; lookups happen at
 * instantiation, never on the call path.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct interned_type {
  rt_func_type type; /* types points at an owned copy */
  uint64_t hash;
} interned_type;

static pthread_mutex_t types_lock = PTHREAD_MUTEX_INITIALIZER;
/* Pointers to individually allocated entries, so that growing the array
 * does not move the rt_func_type that rt_type_get handed out. */
static interned_type **types;
static uint32_t num_types, cap_types;

static uint64_t hash_type(const rt_func_type *t) {
  /* FNV-1a over (params, results, codes). */
  uint64_t h = 1469598103934665603ull;
  uint32_t n = t->num_params + t->num_results;
  uint32_t head[2] = {t->num_params, t->num_results};
  const uint8_t *p = (const uint8_t *)head;
  for (size_t i = 0; i < sizeof head; ++i)
    h = (h ^ p[i]) * 1099511628211ull;
  for (uint32_t i = 0; i < n; ++i)
    h = (h ^ t->types[i]) * 1099511628211ull;
  return h;
}

static int same_type(const rt_func_type *a, const rt_func_type *b) {
  uint32_t n = a->num_params + a->num_results;
  return a->num_params == b->num_params && a->num_results == b->num_results &&
         (n == 0 || memcmp(a->types, b->types, n) == 0);
}

uint32_t rt_type_intern(const rt_func_type *type) {
  uint64_t h = hash_type(type);
  uint32_t id = UINT32_MAX;
  pthread_mutex_lock(&types_lock);
  for (uint32_t i = 0; i < num_types; ++i) {
    if (types[i]->hash == h && same_type(&types[i]->type, type)) {
      id = i;
      goto done;
    }
  }
  if (num_types == cap_types) {
    uint32_t cap = cap_types ? cap_types * 2 : 64;
    interned_type **grown = realloc(types, cap * sizeof *grown);
    if (!grown)
      goto done;
    types = grown;
    cap_types = cap;
  }
  uint32_t n = type->num_params + type->num_results;
  interned_type *entry = malloc(sizeof *entry);
  uint8_t *codes = malloc(n ? n : 1);
  if (!entry || !codes) {
    free(entry);
    free(codes);
    goto done;
  }
  if (n)
    memcpy(codes, type->types, n);
  entry->type.num_params = type->num_params;
  entry->type.num_results = type->num_results;
  entry->type.types = codes;
  entry->hash = h;
  types[num_types] = entry;
  id = num_types++;
done:
  pthread_mutex_unlock(&types_lock);
  return id;
}

const rt_func_type *rt_type_get(uint32_t id) {
  const rt_func_type *t = NULL;
  pthread_mutex_lock(&types_lock);
  if (id < num_types)
    t = &types[id]->type;
  pthread_mutex_unlock(&types_lock);
  return t;
}
