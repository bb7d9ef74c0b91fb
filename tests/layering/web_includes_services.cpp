// The control for web_includes_store.cpp: the same build with a header the web layer may use
// succeeds, so the probe fails for the layering and not for another reason.
#include "services/recruitment_case/recruitment_cases.hpp"

int layering_control()
{
    return 0;
}
