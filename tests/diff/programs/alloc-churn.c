/* Dynamic memory under churn: a pseudo-random mix of malloc, realloc
 * (growing and shrinking, contents checked after every move) and free over
 * a pool of live blocks; a doubly linked list with insertions, deletions
 * and a merge sort of its nodes; and an AVL tree keyed by integers with
 * inserts and deletes, checked for balance and order. Addresses are never
 * printed (the allocators differ); only contents and counts. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t State = 88172645463325252u;
static uint32_t rnd(uint32_t Bound) {
  State ^= State << 13;
  State ^= State >> 7;
  State ^= State << 17;
  return (uint32_t)(State % Bound);
}

/* --- pool churn ----------------------------------------------------- */
typedef struct {
  unsigned char *Data;
  uint32_t Size;
  unsigned char Seed;
} Block;

static int checkBlock(const Block *B) {
  for (uint32_t I = 0; I < B->Size; ++I)
    if (B->Data[I] != (unsigned char)(B->Seed + I * 7))
      return 0;
  return 1;
}

static void fillBlock(Block *B, uint32_t From) {
  for (uint32_t I = From; I < B->Size; ++I)
    B->Data[I] = (unsigned char)(B->Seed + I * 7);
}

static void poolChurn(void) {
  enum { Slots = 512, Steps = 20000 };
  Block Pool[Slots];
  memset(Pool, 0, sizeof Pool);
  uint64_t Allocs = 0, Reallocs = 0, Frees = 0, Bad = 0, Bytes = 0;
  for (int Step = 0; Step < Steps; ++Step) {
    Block *B = &Pool[rnd(Slots)];
    uint32_t Op = rnd(10);
    if (!B->Data) {
      B->Size = rnd(4) == 0 ? rnd(12000) + 1 : rnd(200) + 1;
      B->Seed = (unsigned char)rnd(256);
      B->Data = malloc(B->Size);
      if (!B->Data) {
        printf("malloc failed\n");
        exit(1);
      }
      fillBlock(B, 0);
      ++Allocs;
      Bytes += B->Size;
    } else if (Op < 4) {
      Bad += !checkBlock(B);
      free(B->Data);
      B->Data = NULL;
      ++Frees;
    } else {
      uint32_t Old = B->Size;
      uint32_t New = Op < 7 ? Old + rnd(Old * 2 + 16) + 1 : Old / 2 + 1;
      if (New > 16000)
        New = 16000 - rnd(1000);
      unsigned char *P = realloc(B->Data, New);
      if (!P) {
        printf("realloc failed\n");
        exit(1);
      }
      B->Data = P;
      B->Size = New;
      /* The kept prefix must have moved with the block. */
      uint32_t Keep = Old < New ? Old : New;
      for (uint32_t I = 0; I < Keep; ++I)
        Bad += P[I] != (unsigned char)(B->Seed + I * 7);
      fillBlock(B, Keep);
      ++Reallocs;
      Bytes += New;
    }
  }
  uint64_t Live = 0, LiveBytes = 0;
  for (int I = 0; I < Slots; ++I)
    if (Pool[I].Data) {
      Bad += !checkBlock(&Pool[I]);
      ++Live;
      LiveBytes += Pool[I].Size;
      free(Pool[I].Data);
    }
  printf("pool: %" PRIu64 " mallocs, %" PRIu64 " reallocs, %" PRIu64
         " frees, %" PRIu64 " bytes requested, %" PRIu64 " live (%" PRIu64
         " bytes), %" PRIu64 " corrupted\n",
         Allocs, Reallocs, Frees, Bytes, Live, LiveBytes, Bad);
}

/* --- doubly linked list --------------------------------------------- */
typedef struct Node {
  int32_t Key;
  struct Node *Prev, *Next;
} Node;

/* Merge sort of a null-terminated singly linked view (Next only). */
static Node *mergeSort(Node *Head) {
  if (!Head || !Head->Next)
    return Head;
  Node *Slow = Head, *Fast = Head->Next;
  while (Fast && Fast->Next) {
    Slow = Slow->Next;
    Fast = Fast->Next->Next;
  }
  Node *Second = Slow->Next;
  Slow->Next = NULL;
  Node *A = mergeSort(Head), *B = mergeSort(Second);
  Node Dummy, *Tail = &Dummy;
  while (A && B) {
    if (A->Key <= B->Key) {
      Tail->Next = A;
      A = A->Next;
    } else {
      Tail->Next = B;
      B = B->Next;
    }
    Tail = Tail->Next;
  }
  Tail->Next = A ? A : B;
  return Dummy.Next;
}

static void linkedList(void) {
  Node Sentinel = {0, &Sentinel, &Sentinel};
  int Length = 0;
  for (int I = 0; I < 20000; ++I) {
    uint32_t Op = rnd(3);
    if (Op < 2 || Length == 0) {
      Node *N = malloc(sizeof *N);
      N->Key = (int32_t)rnd(100000) - 50000;
      Node *At = Op == 0 ? &Sentinel : Sentinel.Prev; /* front or back */
      N->Prev = At;
      N->Next = At->Next;
      At->Next->Prev = N;
      At->Next = N;
      ++Length;
    } else {
      /* Delete the node at a random position, walking from the nearer end. */
      int Pos = (int)rnd((uint32_t)Length);
      Node *N;
      if (Pos < Length / 2)
        for (N = Sentinel.Next; Pos--; N = N->Next) {
        }
      else
        for (N = Sentinel.Prev, Pos = Length - 1 - Pos; Pos--; N = N->Prev) {
        }
      N->Prev->Next = N->Next;
      N->Next->Prev = N->Prev;
      free(N);
      --Length;
    }
  }
  int64_t Weighted = 0;
  int I = 0;
  for (Node *N = Sentinel.Next; N != &Sentinel; N = N->Next)
    Weighted += (int64_t)N->Key * (++I % 97);
  printf("list: %d nodes, position-weighted sum %" PRId64 "\n", Length,
         Weighted);
  Sentinel.Prev->Next = NULL;
  Node *Sorted = mergeSort(Sentinel.Next);
  int Ordered = 1, Count = 0;
  int64_t Sum = 0;
  for (Node *N = Sorted; N; N = N->Next) {
    ++Count;
    Sum += N->Key;
    if (N->Next && N->Next->Key < N->Key)
      Ordered = 0;
  }
  printf("sorted list: %d nodes, ordered %d, sum %" PRId64 ", min %d\n", Count,
         Ordered, Sum, Sorted ? (int)Sorted->Key : 0);
  for (Node *N = Sorted; N;) {
    Node *Next = N->Next;
    free(N);
    N = Next;
  }
}

/* --- AVL tree ------------------------------------------------------- */
typedef struct Avl {
  int32_t Key;
  int Height;
  struct Avl *Left, *Right;
} Avl;

static int height(const Avl *T) { return T ? T->Height : 0; }
static void update(Avl *T) {
  int L = height(T->Left), R = height(T->Right);
  T->Height = (L > R ? L : R) + 1;
}
static Avl *rotateRight(Avl *T) {
  Avl *L = T->Left;
  T->Left = L->Right;
  L->Right = T;
  update(T);
  update(L);
  return L;
}
static Avl *rotateLeft(Avl *T) {
  Avl *R = T->Right;
  T->Right = R->Left;
  R->Left = T;
  update(T);
  update(R);
  return R;
}
static Avl *balance(Avl *T) {
  update(T);
  int B = height(T->Left) - height(T->Right);
  if (B > 1) {
    if (height(T->Left->Left) < height(T->Left->Right))
      T->Left = rotateLeft(T->Left);
    return rotateRight(T);
  }
  if (B < -1) {
    if (height(T->Right->Right) < height(T->Right->Left))
      T->Right = rotateRight(T->Right);
    return rotateLeft(T);
  }
  return T;
}
static Avl *insert(Avl *T, int32_t Key, int *Added) {
  if (!T) {
    T = malloc(sizeof *T);
    T->Key = Key;
    T->Height = 1;
    T->Left = T->Right = NULL;
    *Added = 1;
    return T;
  }
  if (Key < T->Key)
    T->Left = insert(T->Left, Key, Added);
  else if (Key > T->Key)
    T->Right = insert(T->Right, Key, Added);
  return balance(T);
}
static Avl *removeMin(Avl *T, Avl **Min) {
  if (!T->Left) {
    *Min = T;
    return T->Right;
  }
  T->Left = removeMin(T->Left, Min);
  return balance(T);
}
static Avl *erase(Avl *T, int32_t Key, int *Removed) {
  if (!T)
    return NULL;
  if (Key < T->Key)
    T->Left = erase(T->Left, Key, Removed);
  else if (Key > T->Key)
    T->Right = erase(T->Right, Key, Removed);
  else {
    *Removed = 1;
    Avl *L = T->Left, *R = T->Right;
    free(T);
    if (!R)
      return L;
    Avl *Min;
    R = removeMin(R, &Min);
    Min->Left = L;
    Min->Right = R;
    return balance(Min);
  }
  return balance(T);
}
/* Checks order and balance; returns the node count, -1 if broken. */
static int verify(const Avl *T, int64_t Lo, int64_t Hi, uint64_t *Hash) {
  if (!T)
    return 0;
  if (T->Key <= Lo || T->Key >= Hi)
    return -1;
  int L = verify(T->Left, Lo, T->Key, Hash);
  *Hash = (*Hash ^ (uint32_t)T->Key) * 1099511628211u;
  int R = verify(T->Right, T->Key, Hi, Hash);
  int D = height(T->Left) - height(T->Right);
  if (L < 0 || R < 0 || D < -1 || D > 1)
    return -1;
  return L + R + 1;
}
static void freeTree(Avl *T) {
  if (T) {
    freeTree(T->Left);
    freeTree(T->Right);
    free(T);
  }
}

static void avlTree(void) {
  Avl *Root = NULL;
  int Size = 0;
  for (int I = 0; I < 50000; ++I) {
    int32_t Key = (int32_t)rnd(20000);
    int Changed = 0;
    if (rnd(3) == 0) {
      Root = erase(Root, Key, &Changed);
      Size -= Changed;
    } else {
      Root = insert(Root, Key, &Changed);
      Size += Changed;
    }
    if (I % 10000 == 9999) {
      uint64_t Hash = 14695981039346656037u;
      int Count = verify(Root, INT64_MIN, INT64_MAX, &Hash);
      printf("avl after %d ops: size %d, verified %d, height %d, hash %016" PRIx64
             "\n",
             I + 1, Size, Count, height(Root), Hash);
    }
  }
  freeTree(Root);
}

int main(void) {
  poolChurn();
  linkedList();
  avlTree();
  return 0;
}
