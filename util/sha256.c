/* sha256.c - SHA-256 as specified in FIPS 180-4.
 *
 * A plain, portable implementation: 64-byte blocks, big-endian message
 * schedule, the 64 round constants; used to mint article IRIs from the
 * article text.  On x86-64 with the SHA extensions the blocks go through
 * those instructions instead (chosen at run time).
 */
#include "sha256.h"

#include <string.h>

static const uint32_t K[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
  0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
  0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

static uint32_t rotr(uint32_t x, unsigned n)
{
  return (x >> n) | (x << (32 - n));
}

static void block(ngi_sha256_ctx *c, const unsigned char *p)
{
  uint32_t w[64], a, b, cc, d, e, f, g, h, t1, t2;
  int i;

  for (i = 0; i < 16; i++)
    w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
           (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
  for (i = 16; i < 64; i++) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  a = c->h[0]; b = c->h[1]; cc = c->h[2]; d = c->h[3];
  e = c->h[4]; f = c->h[5]; g = c->h[6]; h = c->h[7];
  for (i = 0; i < 64; i++) {
    t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) +
         K[i] + w[i];
    t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) +
         ((a & b) ^ (a & cc) ^ (b & cc));
    h = g; g = f; f = e; e = d + t1;
    d = cc; cc = b; b = a; a = t1 + t2;
  }
  c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d;
  c->h[4] += e; c->h[5] += f; c->h[6] += g; c->h[7] += h;
}

/* ------------------------------------------------------------ SHA-NI
 * On x86-64 processors with the SHA extensions (most made since 2017),
 * the same compression with the sha256rnds2/msg1/msg2 instructions,
 * several times faster: the article text is hashed once per article, and
 * that was 5 % of a corpus run.  Chosen at run time (CPUID); the plain
 * block() above stays the reference, and the unit tests compare both. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>

#define HAVE_SHANI 1

__attribute__((target("sha,sse4.1,ssse3")))
static void block_shani(ngi_sha256_ctx *c, const unsigned char *p)
{
  const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL,
                                       0x0405060700010203ULL);
  __m128i s0, s1, t, m, w[16], abef, cdgh;
  int i;

  /* the state as the instructions want it: ABEF and CDGH */
  t = _mm_loadu_si128((const __m128i *)&c->h[0]);
  s1 = _mm_loadu_si128((const __m128i *)&c->h[4]);
  t = _mm_shuffle_epi32(t, 0xB1);
  s1 = _mm_shuffle_epi32(s1, 0x1B);
  s0 = _mm_alignr_epi8(t, s1, 8);
  s1 = _mm_blend_epi16(s1, t, 0xF0);
  abef = s0;
  cdgh = s1;
  for (i = 0; i < 16; i++) {
    if (i < 4) {
      w[i] = _mm_shuffle_epi8(
          _mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap);
    } else {
      m = _mm_sha256msg1_epu32(w[i - 4], w[i - 3]);
      m = _mm_add_epi32(m, _mm_alignr_epi8(w[i - 1], w[i - 2], 4));
      w[i] = _mm_sha256msg2_epu32(m, w[i - 1]);
    }
    m = _mm_add_epi32(w[i], _mm_loadu_si128((const __m128i *)&K[4 * i]));
    s1 = _mm_sha256rnds2_epu32(s1, s0, m);
    m = _mm_shuffle_epi32(m, 0x0E);
    s0 = _mm_sha256rnds2_epu32(s0, s1, m);
  }
  s0 = _mm_add_epi32(s0, abef);
  s1 = _mm_add_epi32(s1, cdgh);
  /* back to A..H */
  t = _mm_shuffle_epi32(s0, 0x1B);
  s1 = _mm_shuffle_epi32(s1, 0xB1);
  s0 = _mm_blend_epi16(t, s1, 0xF0);
  s1 = _mm_alignr_epi8(s1, t, 8);
  _mm_storeu_si128((__m128i *)&c->h[0], s0);
  _mm_storeu_si128((__m128i *)&c->h[4], s1);
}

/* 1 with the SHA extensions (and SSSE3, SSE4.1), else 0; once. */
static int have_shani(void)
{
  static volatile int known = -1;
  unsigned a, b, cx, d;
  int yes = 0;

  if (known >= 0)
    return known;
  if (__get_cpuid(1, &a, &b, &cx, &d) && (cx & (1u << 9)) &&
      (cx & (1u << 19)) && __get_cpuid_count(7, 0, &a, &b, &cx, &d))
    yes = (b >> 29) & 1;
  known = yes; /* every thread finds the same */
  return yes;
}
#endif

/* One 64-byte block, the fastest way this processor has. */
static void compress(ngi_sha256_ctx *c, const unsigned char *p)
{
#ifdef HAVE_SHANI
  if (c->fast) {
    block_shani(c, p);
    return;
  }
#endif
  block(c, p);
}

void ngi_sha256_init(ngi_sha256_ctx *c)
{
  static const uint32_t h0[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };
  memcpy(c->h, h0, sizeof h0);
  c->nbytes = 0;
  c->nbuf = 0;
#ifdef HAVE_SHANI
  c->fast = have_shani();
#else
  c->fast = 0;
#endif
}

void ngi_sha256_update(ngi_sha256_ctx *c, const void *data,
                       size_t len)
{
  const unsigned char *p = data;

  c->nbytes += len;
  if (c->nbuf > 0) {
    size_t n = 64 - c->nbuf;
    if (n > len)
      n = len;
    memcpy(c->buf + c->nbuf, p, n);
    c->nbuf += n;
    p += n;
    len -= n;
    if (c->nbuf < 64)
      return;
    compress(c, c->buf);
    c->nbuf = 0;
  }
  while (len >= 64) {
    compress(c, p);
    p += 64;
    len -= 64;
  }
  if (len > 0) {
    memcpy(c->buf, p, len);
    c->nbuf = len;
  }
}

void ngi_sha256_final(ngi_sha256_ctx *c,
                      unsigned char out[NGI_SHA256_LEN])
{
  uint64_t bits = c->nbytes * 8;
  int i;

  c->buf[c->nbuf++] = 0x80;
  if (c->nbuf > 56) {
    memset(c->buf + c->nbuf, 0, 64 - c->nbuf);
    compress(c, c->buf);
    c->nbuf = 0;
  }
  memset(c->buf + c->nbuf, 0, 56 - c->nbuf);
  for (i = 0; i < 8; i++)
    c->buf[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
  compress(c, c->buf);
  for (i = 0; i < 8; i++) {
    out[4 * i] = (unsigned char)(c->h[i] >> 24);
    out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
    out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
    out[4 * i + 3] = (unsigned char)c->h[i];
  }
}

void ngi_sha256(const void *data, size_t len,
                unsigned char out[NGI_SHA256_LEN])
{
  ngi_sha256_ctx c;

  ngi_sha256_init(&c);
  ngi_sha256_update(&c, data, len);
  ngi_sha256_final(&c, out);
}

void ngi_sha256_hex(const unsigned char d[NGI_SHA256_LEN], char *hex)
{
  static const char digits[] = "0123456789abcdef";
  int i;

  for (i = 0; i < NGI_SHA256_LEN; i++) {
    hex[2 * i] = digits[d[i] >> 4];
    hex[2 * i + 1] = digits[d[i] & 15];
  }
  hex[2 * NGI_SHA256_LEN] = '\0';
}
