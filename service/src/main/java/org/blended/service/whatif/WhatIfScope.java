package org.blended.service.whatif;

import java.time.LocalDate;

/** Which stored applications a what-if run covers: all, or those received in a date range, of one lender or all. */
public record WhatIfScope(LocalDate receivedFrom, LocalDate receivedTo, String lender) {

    public static WhatIfScope all() {
        return new WhatIfScope(null, null, null);
    }
}
