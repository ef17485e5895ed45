package org.blended.rules.application;

/** Legal forms a UK social enterprise may take (criteria catalogue E1). */
public enum LegalForm {
    CIC, CIO, CHARITY, CBS, CLG, CLS, SOLE_TRADER, PARTNERSHIP, UNINCORPORATED, OTHER
}
