// Tab completion for the REPL: keywords, builtins and __main__ names, and
// attributes after a dotted name (looked up, never called).
#ifndef RP_COMPLETE_H
#define RP_COMPLETE_H

// Returns a malloc'd NULL-terminated array of malloc'd candidates that
// complete `text` (the word before the cursor), sorted and unique.
char **rp_complete_candidates(const char *text);

#endif
