// glibc allocator tuning (mallopt) for LagoaEngine.
#include <malloc.h>
