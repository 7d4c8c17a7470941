// The exception barrier's storage: the last native error of the calling thread.
#include "shim.h"

namespace {
thread_local std::string last_error;
}

namespace deepdsl {
void set_last_error(const char* message) { last_error = message ? message : "unknown error"; }
}  // namespace deepdsl

// Returns the message of the last failed call on this thread and clears it (NULL when none).
// The pointer stays valid until the next failing call on the same thread.
DD_API const char* dd_take_last_error() {
  thread_local std::string taken;
  if (last_error.empty()) return nullptr;
  taken.swap(last_error);
  last_error.clear();
  return taken.c_str();
}
