/* A word-frequency counter over stdin: words (letters, digits and
 * apostrophes, folded to lower case) go into a chained hash table that
 * doubles when its load factor passes 3/4; the words are then sorted by
 * count (descending) and spelling, a total order, so qsort's algorithm
 * cannot show. Prints the top words, a length histogram and the table's
 * statistics. Lines are read with fgets into a growing buffer. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Entry {
  char *Word;
  uint32_t Hash;
  int Count;
  int FirstLine;
  struct Entry *Next;
} Entry;

typedef struct {
  Entry **Buckets;
  uint32_t NumBuckets, Size;
  int Resizes;
} Table;

static uint32_t hashWord(const char *S) {
  uint32_t H = 2166136261u;
  for (; *S; ++S)
    H = (H ^ (unsigned char)*S) * 16777619u;
  return H;
}

static void grow(Table *T) {
  uint32_t N = T->NumBuckets * 2;
  Entry **B = calloc(N, sizeof *B);
  for (uint32_t I = 0; I < T->NumBuckets; ++I) {
    Entry *E = T->Buckets[I];
    while (E) {
      Entry *Next = E->Next;
      E->Next = B[E->Hash & (N - 1)];
      B[E->Hash & (N - 1)] = E;
      E = Next;
    }
  }
  free(T->Buckets);
  T->Buckets = B;
  T->NumBuckets = N;
  ++T->Resizes;
}

static void addWord(Table *T, const char *W, int Line) {
  uint32_t H = hashWord(W);
  for (Entry *E = T->Buckets[H & (T->NumBuckets - 1)]; E; E = E->Next)
    if (E->Hash == H && strcmp(E->Word, W) == 0) {
      ++E->Count;
      return;
    }
  if ((T->Size + 1) * 4 > T->NumBuckets * 3)
    grow(T);
  Entry *E = malloc(sizeof *E);
  size_t Len = strlen(W);
  E->Word = malloc(Len + 1);
  memcpy(E->Word, W, Len + 1);
  E->Hash = H;
  E->Count = 1;
  E->FirstLine = Line;
  E->Next = T->Buckets[H & (T->NumBuckets - 1)];
  T->Buckets[H & (T->NumBuckets - 1)] = E;
  ++T->Size;
}

static int byCountThenWord(const void *A, const void *B) {
  const Entry *X = *(const Entry *const *)A, *Y = *(const Entry *const *)B;
  if (X->Count != Y->Count)
    return X->Count > Y->Count ? -1 : 1;
  return strcmp(X->Word, Y->Word);
}

/* Reads one line of any length; returns NULL at end of input. */
static char *readLine(char **Buf, size_t *Cap) {
  size_t Len = 0;
  for (;;) {
    if (Len + 2 > *Cap) {
      *Cap = *Cap ? *Cap * 2 : 16;
      *Buf = realloc(*Buf, *Cap);
    }
    if (!fgets(*Buf + Len, (int)(*Cap - Len), stdin))
      return Len ? *Buf : NULL;
    Len += strlen(*Buf + Len);
    if (Len && (*Buf)[Len - 1] == '\n')
      return *Buf;
  }
}

int main(int argc, char **argv) {
  int Top = argc > 1 ? atoi(argv[1]) : 20;
  Table T = {calloc(8, sizeof(Entry *)), 8, 0, 0};
  char *Line = NULL;
  size_t Cap = 0;
  int Lines = 0, Words = 0, Chars = 0;
  int Lengths[16] = {0};
  while (readLine(&Line, &Cap)) {
    ++Lines;
    char Word[64];
    int Len = 0;
    for (char *P = Line;; ++P) {
      unsigned char C = (unsigned char)*P;
      if (C)
        ++Chars;
      if (isalnum(C) || (C == '\'' && Len > 0)) {
        if (Len < 63)
          Word[Len++] = (char)tolower(C);
        continue;
      }
      while (Len > 0 && Word[Len - 1] == '\'')
        --Len;
      if (Len > 0) {
        Word[Len] = '\0';
        addWord(&T, Word, Lines);
        ++Words;
        ++Lengths[Len < 15 ? Len : 15];
        Len = 0;
      }
      if (!C)
        break;
    }
  }
  free(Line);
  printf("%d lines, %d words, %d characters, %u distinct words\n", Lines,
         Words, Chars, (unsigned)T.Size);
  printf("table: %u buckets after %d resizes\n", (unsigned)T.NumBuckets,
         T.Resizes);
  Entry **All = malloc(T.Size * sizeof *All);
  uint32_t N = 0, Longest = 0, Empty = 0;
  for (uint32_t I = 0; I < T.NumBuckets; ++I) {
    uint32_t Chain = 0;
    for (Entry *E = T.Buckets[I]; E; E = E->Next)
      All[N++] = E, ++Chain;
    Empty += Chain == 0;
    if (Chain > Longest)
      Longest = Chain;
  }
  printf("longest chain %u, empty buckets %u\n", (unsigned)Longest,
         (unsigned)Empty);
  qsort(All, N, sizeof *All, byCountThenWord);
  for (int I = 0; I < Top && (uint32_t)I < N; ++I)
    printf("%4d %-16s (first on line %d)\n", All[I]->Count, All[I]->Word,
           All[I]->FirstLine);
  for (int L = 1; L < 16; ++L)
    if (Lengths[L])
      printf("length %2d%s: %d\n", L, L == 15 ? "+" : "", Lengths[L]);
  int Singletons = 0;
  for (uint32_t I = 0; I < N; ++I)
    Singletons += All[I]->Count == 1;
  printf("words seen once: %d; last alphabetically among them: ", Singletons);
  const char *Last = "";
  for (uint32_t I = 0; I < N; ++I)
    if (All[I]->Count == 1 && strcmp(All[I]->Word, Last) > 0)
      Last = All[I]->Word;
  printf("%s\n", Last);
  for (uint32_t I = 0; I < N; ++I) {
    free(All[I]->Word);
    free(All[I]);
  }
  free(All);
  free(T.Buckets);
  return 0;
}
