package dev.orgservice.platform.validation;

import java.util.Set;

/**
 * The codes the JDK still lists (JDK 17.0.15 checked) that ISO 4217 has withdrawn to its list three of historic
 * denominations: the JDK keeps them so old amounts can still be formatted, so its list alone lets a new tenant be
 * created in German marks. Checked against the ISO 4217 amendments up to number 178 (CUC, 2025); a later
 * withdrawal or a JDK update that adds a historic code belongs here.
 */
final class WithdrawnCurrencies {
    static final Set<String> CODES = Set.of(
            // replaced by the euro
            "ATS", "BEF", "CYP", "DEM", "EEK", "ESP", "FIM", "FRF", "GRD", "HRK", "IEP", "ITL", "LTL", "LUF", "LVL",
            "MTL", "NLG", "PTE", "SIT", "SKK", "ADP",
            // redenominated or replaced by another national currency
            "AFA", "AYM", "AZM", "BGL", "BYB", "BYR", "CSD", "CUC", "GHC", "GWP", "MGF", "MRO", "MZM", "ROL", "RUR",
            "SDD", "SLL", "SRG", "STD", "TMM", "TPE", "TRL", "VEB", "VEF", "YUM", "ZMK", "ZWD", "ZWL", "ZWN", "ZWR",
            // Netherlands Antillean guilder, replaced by the Caribbean guilder XCG on 2025-03-31 (amendment 176)
            "ANG",
            // US dollar same day, withdrawn 2014
            "USS");

    private WithdrawnCurrencies() {
    }
}
