// A web file that reaches past the services into the store. It must not compile: the web layer's
// include folder has no store (see src/CMakeLists.txt). CTest expects this build to fail.
#include "store/database.hpp"

int layering_probe()
{
    return 0;
}
