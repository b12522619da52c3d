/* sha256.h - util/: a small SHA-256 (FIPS 180-4), for minting article
 * IRIs (graph/) and push's staging graph names (net/).  util/ is the
 * bottom of the tree: it includes nothing of ours.
 *
 * Hash a buffer in one call, or feed it in pieces.
 * The algorithm is public domain; this implementation is our own.
 */
#ifndef NG_SHA256_H
#define NG_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define NGI_SHA256_LEN 32

typedef struct ngi_sha256_ctx {
  uint32_t h[8];
  uint64_t nbytes;
  unsigned char buf[64];
  size_t nbuf;
  int fast;    /* the processor's SHA instructions (ngi_sha256_init) */
} ngi_sha256_ctx;

void ngi_sha256_init(ngi_sha256_ctx *c);
void ngi_sha256_update(ngi_sha256_ctx *c, const void *data,
                       size_t len);
void ngi_sha256_final(ngi_sha256_ctx *c,
                      unsigned char out[NGI_SHA256_LEN]);

/* One call: digest of data[0..len). */
void ngi_sha256(const void *data, size_t len,
                unsigned char out[NGI_SHA256_LEN]);

/* Lower-case hex of a digest: hex must hold 2 * NGI_SHA256_LEN + 1 bytes. */
void ngi_sha256_hex(const unsigned char d[NGI_SHA256_LEN], char *hex);

#endif /* NG_SHA256_H */
