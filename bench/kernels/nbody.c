/* Gravitational n-body simulation in double precision (softened, all
 * pairs, leapfrog-like update), a float loop with sqrt and division.
 * Size argument: number of time steps. */
#include "common.h"
#define NB 64

typedef struct { double x[NB], y[NB], z[NB], vx[NB], vy[NB], vz[NB], m[NB]; } sys_t;

static void step(sys_t *s, double dt) {
  for (int i = 0; i < NB; i++) {
    double ax = 0, ay = 0, az = 0;
    double xi = s->x[i], yi = s->y[i], zi = s->z[i];
    for (int j = 0; j < NB; j++) {
      double dx = s->x[j] - xi, dy = s->y[j] - yi, dz = s->z[j] - zi;
      double d2 = dx * dx + dy * dy + dz * dz + 0.01;
      double d = __builtin_sqrt(d2);
      double inv = s->m[j] / (d2 * d);
      ax += dx * inv; ay += dy * inv; az += dz * inv;
    }
    s->vx[i] += ax * dt; s->vy[i] += ay * dt; s->vz[i] += az * dt;
  }
  for (int i = 0; i < NB; i++) {
    s->x[i] += s->vx[i] * dt; s->y[i] += s->vy[i] * dt; s->z[i] += s->vz[i] * dt;
  }
}

static double energy(const sys_t *s) {
  double e = 0;
  for (int i = 0; i < NB; i++) {
    e += 0.5 * s->m[i] * (s->vx[i] * s->vx[i] + s->vy[i] * s->vy[i] + s->vz[i] * s->vz[i]);
    for (int j = i + 1; j < NB; j++) {
      double dx = s->x[i] - s->x[j], dy = s->y[i] - s->y[j], dz = s->z[i] - s->z[j];
      e -= s->m[i] * s->m[j] / __builtin_sqrt(dx * dx + dy * dy + dz * dz + 0.01);
    }
  }
  return e;
}

static uint64_t bench(long steps) {
  sys_t *s = xmalloc(sizeof *s);
  rng_t r = {7};
  for (int i = 0; i < NB; i++) {
    s->x[i] = rng_unit_d(&r) * 10 - 5; s->y[i] = rng_unit_d(&r) * 10 - 5; s->z[i] = rng_unit_d(&r) * 10 - 5;
    s->vx[i] = rng_unit_d(&r) - 0.5; s->vy[i] = rng_unit_d(&r) - 0.5; s->vz[i] = rng_unit_d(&r) - 0.5;
    s->m[i] = 0.5 + rng_unit_d(&r);
  }
  double e0 = energy(s);
  for (long t = 0; t < steps; t++) step(s, 0.001);
  double e1 = energy(s);
  uint64_t h = mix64(bits_d(e0), bits_d(e1));
  for (int i = 0; i < NB; i++) h = mix64(h, bits_d(s->x[i]) ^ bits_d(s->vy[i]));
  free(s);
  return h;
}

BENCH_MAIN("nbody", 20000)
