package fr.bilan.beneficiary;

/**
 * The domain's enums and the contract's, by constant name: each domain constant is named as the
 * contract's (so are the values stored and handed to other services), and the contract's
 * {@code *_UNSPECIFIED} and {@code UNRECOGNIZED} are "not given", {@code null} in the domain. Used by
 * the {@code …Messages} mappers only; ContractEnumsTest checks every pair both ways.
 */
public final class ContractEnums {

    private static final String UNRECOGNIZED = "UNRECOGNIZED";
    private static final String UNSPECIFIED = "_UNSPECIFIED";

    private ContractEnums() {
    }

    /** The domain constant named as {@code contract}; {@code null} when the contract's says "not given". */
    public static <D extends Enum<D>> D toDomain(Class<D> domain, Enum<?> contract) {
        if (contract == null || contract.name().equals(UNRECOGNIZED) || contract.name().endsWith(UNSPECIFIED)) {
            return null;
        }
        return Enum.valueOf(domain, contract.name());
    }

    /** The contract's constant named as {@code value}. */
    public static <P extends Enum<P>> P toContract(Class<P> contract, Enum<?> value) {
        return Enum.valueOf(contract, value.name());
    }
}
