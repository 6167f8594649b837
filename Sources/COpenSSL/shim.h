#ifndef STACKKIT_COPENSSL_SHIM_H
#define STACKKIT_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md5.h>
#include <openssl/sha.h>
#endif
