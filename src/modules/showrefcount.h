// -X showrefcount: the totals a CPython debug build prints after each
// interactive statement and at exit.
#ifndef RP_SHOWREFCOUNT_H
#define RP_SHOWREFCOUNT_H

#include <stddef.h>

#include "objects/object.h"

// Sum of the reference counts of every live heap object: every allocator
// block marked as an object (memory/alloc.h rp_mem_walk; for gc types the
// object follows the 16-byte gc header).  Statically allocated objects
// (builtin type objects, None, True, False, Ellipsis, NotImplemented) are
// not counted: they are not allocator blocks.
rp_ssize_t rp_total_refcount(void);

// Prints "[N refs, M blocks]" and a newline to stderr, N being
// rp_total_refcount() and M rp_mem_blocks() (sys.getallocatedblocks()),
// when rp_interp.show_refcount is set; nothing otherwise.
void rp_showrefcount_print(void);

#endif
