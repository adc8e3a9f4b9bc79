#if canImport(Glibc)
import Glibc
#endif

/// Online CPU cores.
func sysconfCores() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
