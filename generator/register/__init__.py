"""mySociety's register of UK local authorities: reading it and importing councils from it."""
