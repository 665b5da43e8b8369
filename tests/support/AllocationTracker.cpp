//===--- AllocationTracker.cpp - Counting replacement of operator new -----===//
//
/// \file
/// Replaces the plain and array forms of operator new/delete with malloc and
/// free plus two counters. The aligned forms are left to the library: the
/// front end allocates nothing over-aligned.
//
//===----------------------------------------------------------------------===//
#include "AllocationTracker.h"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<bool> Tracking{false};
std::atomic<size_t> Largest{0};
std::atomic<size_t> Total{0};

void *countedAlloc(size_t Size) {
  if (Tracking.load(std::memory_order_relaxed)) {
    Total.fetch_add(Size, std::memory_order_relaxed);
    size_t Prev = Largest.load(std::memory_order_relaxed);
    while (Size > Prev &&
           !Largest.compare_exchange_weak(Prev, Size, std::memory_order_relaxed))
      ;
  }
  if (void *P = std::malloc(Size ? Size : 1))
    return P;
  throw std::bad_alloc();
}

} // namespace

namespace wasmc::test {

AllocationScope::AllocationScope() {
  Largest = 0;
  Total = 0;
  Tracking = true;
}

AllocationScope::~AllocationScope() { Tracking = false; }

size_t AllocationScope::largest() const { return Largest; }
size_t AllocationScope::total() const { return Total; }

} // namespace wasmc::test

void *operator new(size_t Size) { return countedAlloc(Size); }
void *operator new[](size_t Size) { return countedAlloc(Size); }
void operator delete(void *P) noexcept { std::free(P); }
void operator delete[](void *P) noexcept { std::free(P); }
void operator delete(void *P, size_t) noexcept { std::free(P); }
void operator delete[](void *P, size_t) noexcept { std::free(P); }
