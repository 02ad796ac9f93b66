// The published shares are public (weighbridge/published_shares.h): the
// workspace fixes the method with them. This name stays for the reports'
// own files.
#pragma once

#include "weighbridge/published_shares.h"
