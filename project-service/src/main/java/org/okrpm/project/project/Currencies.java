package org.okrpm.project.project;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;
import org.okrpm.kit.problem.ProblemException;

/** ISO 4217 codes known to the JDK; the DTOs check the form (3 upper-case letters), this the code itself. */
public final class Currencies {

    private static final Set<String> KNOWN = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private Currencies() {
    }

    /** 400 naming {@code field} when {@code code} is not an ISO 4217 currency; null passes. */
    public static void check(String field, String code) {
        if (code != null && !KNOWN.contains(code)) {
            throw ProblemException.invalid(field, "is not an ISO 4217 currency code");
        }
    }
}
