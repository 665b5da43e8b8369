/* Structs and unions as values: a tagged union of shapes passed and
 * returned by value, arrays of structs, nested structs with a flexible
 * array member, compound literals, struct assignment and comparison by
 * fields, unions for type punning between floats and their bits (defined
 * in C), bit-fields packed and unpacked, and small vector math on structs
 * of doubles. Layout-dependent values (sizeof of pointer-holding structs)
 * are not printed: they differ between the 64-bit native build and
 * wasm32. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  double X, Y;
} Vec2;

static Vec2 add(Vec2 A, Vec2 B) { return (Vec2){A.X + B.X, A.Y + B.Y}; }
static Vec2 scale(Vec2 A, double K) { return (Vec2){A.X * K, A.Y * K}; }
static double cross(Vec2 A, Vec2 B) { return A.X * B.Y - A.Y * B.X; }

typedef enum { CIRCLE, RECT, POLYGON } ShapeKind;

typedef struct {
  ShapeKind Kind;
  Vec2 Origin;
  union {
    struct {
      double Radius;
    } Circle;
    struct {
      double W, H;
    } Rect;
    struct {
      int N;
      Vec2 Points[6];
    } Poly;
  } U;
} Shape;

/* Area with pi as a rational approximation: only exact operations. */
static double area(Shape S) {
  switch (S.Kind) {
  case CIRCLE:
    return S.U.Circle.Radius * S.U.Circle.Radius * 355.0 / 113.0;
  case RECT:
    return S.U.Rect.W * S.U.Rect.H;
  case POLYGON: {
    double Twice = 0;
    for (int I = 0; I < S.U.Poly.N; ++I)
      Twice += cross(S.U.Poly.Points[I], S.U.Poly.Points[(I + 1) % S.U.Poly.N]);
    return Twice / 2;
  }
  }
  return 0;
}

static Shape moved(Shape S, Vec2 By) {
  S.Origin = add(S.Origin, By);
  if (S.Kind == POLYGON)
    for (int I = 0; I < S.U.Poly.N; ++I)
      S.U.Poly.Points[I] = add(S.U.Poly.Points[I], By);
  return S;
}

/* A record with a flexible array member, allocated to size. */
typedef struct {
  uint16_t Id;
  uint8_t Flags;
  int32_t Count;
  int64_t Values[];
} Record;

static Record *makeRecord(uint16_t Id, int32_t Count) {
  Record *R = malloc(sizeof *R + (size_t)Count * sizeof R->Values[0]);
  R->Id = Id;
  R->Flags = (uint8_t)(Id * 3);
  R->Count = Count;
  for (int32_t I = 0; I < Count; ++I)
    R->Values[I] = (int64_t)Id * 1000003 - (int64_t)I * I * 7919;
  return R;
}

typedef union {
  float F;
  uint32_t Bits;
  uint8_t Bytes[4];
} FloatBits;

typedef union {
  double D;
  uint64_t Bits;
  struct {
    uint32_t Lo, Hi;
  } Half;
} DoubleBits;

typedef struct {
  unsigned Day : 5;
  unsigned Month : 4;
  unsigned Year : 12;
  signed Offset : 6;
  unsigned Leap : 1;
} Date;

static Date makeDate(int Y, int M, int D, int Off) {
  Date T = {0};
  T.Year = (unsigned)Y;
  T.Month = (unsigned)M;
  T.Day = (unsigned)D;
  T.Offset = Off;
  T.Leap = (Y % 4 == 0 && Y % 100 != 0) || Y % 400 == 0;
  return T;
}

static int dayOfYear(Date T) {
  static const int Before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return Before[T.Month - 1] + (int)T.Day + (T.Leap && T.Month > 2);
}

typedef struct {
  char Name[12];
  struct {
    int16_t Min, Max;
  } Range;
  uint8_t Tag;
} Item;

static int sameItem(const Item *A, const Item *B) {
  return strcmp(A->Name, B->Name) == 0 && A->Range.Min == B->Range.Min &&
         A->Range.Max == B->Range.Max && A->Tag == B->Tag;
}

int main(void) {
  Shape Shapes[] = {
      {CIRCLE, {0, 0}, .U.Circle = {2.5}},
      {RECT, {1, 1}, .U.Rect = {3, 4.25}},
      {POLYGON, {0, 0}, .U.Poly = {4, {{0, 0}, {4, 0}, {4, 3}, {0, 3}}}},
      {POLYGON, {0, 0}, .U.Poly = {5, {{0, 0}, {2, -1}, {4, 0}, {3, 2}, {1, 2}}}},
  };
  double Total = 0;
  for (size_t I = 0; I < sizeof Shapes / sizeof Shapes[0]; ++I) {
    Shape M = moved(Shapes[I], (Vec2){0.5, -1.25});
    double A = area(Shapes[I]), B = area(M);
    Total += A;
    printf("shape %zu kind %d: area %.17g moved area %.17g origin (%g, %g)\n", I,
           (int)Shapes[I].Kind, A, B, M.Origin.X, M.Origin.Y);
  }
  printf("total area %.17g\n", Total);

  Vec2 P = {1, 0}, V = {0, 0.5};
  for (int Step = 0; Step < 1000; ++Step) { /* a crude orbit, exact ops only */
    Vec2 Acc = scale(P, -1.0 / ((P.X * P.X + P.Y * P.Y) * 4));
    V = add(V, scale(Acc, 0.01));
    P = add(P, scale(V, 0.01));
  }
  printf("orbit end (%.17g, %.17g)\n", P.X, P.Y);

  int64_t RecordSum = 0;
  for (uint16_t Id = 1; Id <= 20; ++Id) {
    Record *R = makeRecord(Id, Id * 3);
    for (int32_t I = 0; I < R->Count; ++I)
      RecordSum += R->Values[I] ^ R->Flags;
    free(R);
  }
  printf("records sum %" PRId64 "\n", RecordSum);

  FloatBits FB;
  static const float Floats[] = {1.0f, -2.5f, 0.1f, 3.4028235e38f, 1e-45f, -0.0f};
  for (int I = 0; I < 6; ++I) {
    FB.F = Floats[I];
    printf("float %.9g bits %08" PRIx32 " bytes %02x %02x %02x %02x\n", (double)FB.F,
           FB.Bits, FB.Bytes[0], FB.Bytes[1], FB.Bytes[2], FB.Bytes[3]);
  }
  DoubleBits DB;
  DB.Bits = 0x400921fb54442d18u;
  printf("double from bits %.17g hi %08" PRIx32 " lo %08" PRIx32 "\n", DB.D,
         DB.Half.Hi, DB.Half.Lo);
  DB.D = -1.0 / 3.0;
  printf("bits of -1/3 %016" PRIx64 "\n", DB.Bits);
  FB.Bits = 0x7f800000u;
  double Inf = FB.F;
  FB.Bits = 0x7f7fffffu;
  printf("inf from bits %f, next down %.9g\n", Inf, (double)FB.F);

  Date Dates[] = {makeDate(2024, 3, 1, -8), makeDate(2023, 3, 1, 5),
                  makeDate(2000, 12, 31, 31), makeDate(1900, 2, 28, -32)};
  for (int I = 0; I < 4; ++I)
    printf("date %04u-%02u-%02u offset %d leap %u day-of-year %d\n", Dates[I].Year,
           Dates[I].Month, Dates[I].Day, Dates[I].Offset, Dates[I].Leap,
           dayOfYear(Dates[I]));

  Item Items[4];
  for (int I = 0; I < 4; ++I) {
    memset(&Items[I], 0, sizeof Items[I]);
    snprintf(Items[I].Name, sizeof Items[I].Name, "item-%d", I % 2);
    Items[I].Range.Min = (int16_t)(-100 * (I % 2));
    Items[I].Range.Max = (int16_t)(32767 - I % 2);
    Items[I].Tag = (uint8_t)(200 + I % 2);
  }
  Item Copy = Items[1];
  Copy.Range.Max--;
  printf("items: 0==2 %d, 1==3 %d, 0==1 %d, copy==1 %d, memcmp 0 vs 2 %d\n",
         sameItem(&Items[0], &Items[2]), sameItem(&Items[1], &Items[3]),
         sameItem(&Items[0], &Items[1]), sameItem(&Copy, &Items[1]),
         memcmp(&Items[0], &Items[2], sizeof(Item)) == 0);
  printf("sizes without pointers: Vec2 %zu Date %zu Item %zu FloatBits %zu\n",
         sizeof(Vec2), sizeof(Date), sizeof(Item), sizeof(FloatBits));
  return 0;
}
