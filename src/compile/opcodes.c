// The opcode tables generated from the X-macro in opcodes.h: inline cache
// sizes (used by the assembler and the VM) and names (disassembler).
#include "compile/opcodes.h"

const unsigned char rp_op_caches[RP_OP__COUNT] = {
#define RP_OP_CACHES(name, caches) [RP_OP_##name] = (caches),
    RP_OPCODES(RP_OP_CACHES)
#undef RP_OP_CACHES
};

const char *const rp_op_names[RP_OP__COUNT] = {
#define RP_OP_NAME(name, caches) [RP_OP_##name] = #name,
    RP_OPCODES(RP_OP_NAME)
#undef RP_OP_NAME
};
