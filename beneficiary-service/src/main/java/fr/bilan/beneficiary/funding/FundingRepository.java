package fr.bilan.beneficiary.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import fr.bilan.support.mongo.Inserts;
import fr.bilan.support.refusal.AlreadyExists;
import fr.bilan.support.resources.Lookups;

/**
 * Fundings in MongoDB, one document each. "At most one open funding per beneficiary" holds without
 * transactions nor partial indexes: the unique field {@code openFor} is the beneficiary's id while
 * the funding is open, and the funding's own id once cancelled, so a second open funding cannot be
 * inserted whatever the races. A create carries an idempotency key in a unique index too.
 */
@Repository
public class FundingRepository {

    private static final String ID = "_id";
    private static final String BENEFICIARY = "beneficiaryId";
    private static final String OPEN_FOR = "openFor";
    private static final String REQUEST_KEY = "requestKey";
    private static final String CREATE_TIME = "createTime";
    private static final String CANCEL_TIME = "cancelTime";
    private static final String VERSION = "version";
    private static final String DETAILS = "details";
    private static final String EMPLOYER = "employer";
    /** How a CPF funding without exemption has always been stored (the contract's name for none). */
    private static final String NO_EXEMPTION = "CO_PAYMENT_EXEMPTION_UNSPECIFIED";

    private final MongoCollection<Document> collection;

    public FundingRepository(MongoDatabase database) {
        this.collection = database.getCollection("fundings");
        collection.createIndex(Indexes.ascending(REQUEST_KEY), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending(OPEN_FOR), new IndexOptions().unique(true));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending(BENEFICIARY), Indexes.descending(CREATE_TIME, ID)));
    }

    /**
     * Stores the funding, or returns the one already stored under the same idempotency key;
     * {@link AlreadyExists} when the beneficiary already has an open funding.
     */
    public Funding create(String beneficiaryId, String centreId, NewFunding funding, String requestKey, Instant now) {
        Document document = new Document(ID, UUID.randomUUID().toString())
                .append(BENEFICIARY, beneficiaryId)
                .append("centreId", centreId)
                .append("type", funding.details().type().name())
                .append("priceCents", funding.priceCents())
                .append(DETAILS, detailsDocument(funding.details()))
                .append(OPEN_FOR, beneficiaryId)
                .append(REQUEST_KEY, requestKey)
                .append(CREATE_TIME, Date.from(now))
                .append(VERSION, 1L);
        if (Inserts.insertIfNew(collection, document)) {
            return toFunding(document);
        }
        return findByRequestKey(requestKey).orElseThrow(() -> alreadyOpen(beneficiaryId));
    }

    public Optional<Funding> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, id)).first()).map(FundingRepository::toFunding);
    }

    /** The funding {@code id} names ({@code field} of the request): {@code NotFound} when none. */
    public Funding require(String id, String field) {
        return Lookups.require(field, id, this::findById, () -> Funding.notFound(id));
    }

    public Optional<Funding> findByRequestKey(String requestKey) {
        return Optional.ofNullable(collection.find(Filters.eq(REQUEST_KEY, requestKey)).first())
                .map(FundingRepository::toFunding);
    }

    /** Every funding of the beneficiary, cancelled ones included, newest first. */
    public List<Funding> listByBeneficiary(String beneficiaryId) {
        return collection.find(Filters.eq(BENEFICIARY, beneficiaryId)).sort(Sorts.descending(CREATE_TIME, ID))
                .map(FundingRepository::toFunding).into(new ArrayList<>());
    }

    /**
     * Cancels an open funding, which frees its beneficiary for another; a funding already cancelled
     * is returned as it is.
     */
    public Funding cancel(String id, Instant now) {
        Document cancelled = collection.findOneAndUpdate(
                Filters.and(Filters.eq(ID, id), Filters.exists(CANCEL_TIME, false)),
                Updates.combine(Updates.set(CANCEL_TIME, Date.from(now)), Updates.set(OPEN_FOR, id),
                        Updates.inc(VERSION, 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return cancelled != null ? toFunding(cancelled) : require(id, "id");
    }

    private AlreadyExists alreadyOpen(String beneficiaryId) {
        return Funding.oneOpenPerBeneficiary(Optional.ofNullable(collection.find(Filters.eq(OPEN_FOR, beneficiaryId))
                .first()).map(document -> document.getString(ID)));
    }

    /** The employer as stored, in a funding and in the agreement that copies it. */
    public static Document employerDocument(EmployerParty employer) {
        return new Document("name", employer.name()).append("siret", employer.siret())
                .append("signatoryName", employer.signatoryName());
    }

    public static EmployerParty employerOf(Document document) {
        return new EmployerParty(document.getString("name"), document.getString("siret"),
                document.getString("signatoryName"));
    }

    private static Document detailsDocument(FundingDetails details) {
        Document document = new Document();
        if (details instanceof FundingDetails.Cpf cpf) {
            document.append("dossierNumber", cpf.dossierNumber())
                    .append("amountCents", cpf.amountCents())
                    .append("coPaymentExemption",
                            cpf.exemption() == CoPaymentExemption.NONE ? NO_EXEMPTION : cpf.exemption().name())
                    .append("coPaymentCents", cpf.coPaymentCents())
                    .append("duringWorkingTime", cpf.duringWorkingTime());
            // none named is not stored: fundings recorded before the top-up was asked for read the same
            if (cpf.topUpFunder() != TopUpFunder.NONE) {
                document.append("topUpFunder", cpf.topUpFunder().name());
            }
            if (cpf.previousPublicBilanEndDate() != null) {
                document.append("previousPublicBilanEndDate", cpf.previousPublicBilanEndDate().toString());
            }
            // outside working time the employer is not told: nothing of theirs is kept
            if (cpf.duringWorkingTime()) {
                document.append("employerLeaveReference", cpf.employerLeaveReference());
            }
        } else if (details instanceof FundingDetails.EmployerPlan plan) {
            document.append(EMPLOYER, employerDocument(plan.employerParty()));
        } else if (details instanceof FundingDetails.RedeploymentLeave leave) {
            document.append(EMPLOYER, employerDocument(leave.employerParty()))
                    .append("leaveStartDate", leave.leaveStartDate().toString());
        } else if (details instanceof FundingDetails.JobSeeker jobSeeker) {
            document.append("approver", jobSeeker.approver().name())
                    .append("approvalReference", jobSeeker.approvalReference());
        } else if (details instanceof FundingDetails.PublicSector publicSector) {
            document.append("administrationName", publicSector.administrationName())
                    .append("agreementReference", publicSector.agreementReference());
        }
        return document;
    }

    private static FundingDetails toDetails(FundingType type, Document document) {
        switch (type) {
            case CPF:
                return new FundingDetails.Cpf(document.getString("dossierNumber"), document.getLong("amountCents"),
                        exemptionOf(document.getString("coPaymentExemption")),
                        document.getLong("coPaymentCents"), day(document.getString("previousPublicBilanEndDate")),
                        document.getBoolean("duringWorkingTime"), document.getString("employerLeaveReference"),
                        topUpFunderOf(document.getString("topUpFunder")));
            case EMPLOYER_PLAN:
                return new FundingDetails.EmployerPlan(employerOf(document.get(EMPLOYER, Document.class)));
            case REDEPLOYMENT_LEAVE:
                return new FundingDetails.RedeploymentLeave(employerOf(document.get(EMPLOYER, Document.class)),
                        day(document.getString("leaveStartDate")));
            case JOB_SEEKER_FUNDING:
                return new FundingDetails.JobSeeker(JobSeekerApprover.valueOf(document.getString("approver")),
                        document.getString("approvalReference"));
            case PUBLIC_SECTOR:
                return new FundingDetails.PublicSector(document.getString("administrationName"),
                        document.getString("agreementReference"));
            case SELF_FUNDED:
                return new FundingDetails.SelfFunded();
            default:
                throw new IllegalStateException("Unknown funding type in the database: " + type);
        }
    }

    private static CoPaymentExemption exemptionOf(String stored) {
        return NO_EXEMPTION.equals(stored) ? CoPaymentExemption.NONE : CoPaymentExemption.valueOf(stored);
    }

    private static TopUpFunder topUpFunderOf(String stored) {
        return stored == null ? TopUpFunder.NONE : TopUpFunder.valueOf(stored);
    }

    private static LocalDate day(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static Funding toFunding(Document document) {
        Date cancelled = document.getDate(CANCEL_TIME);
        return new Funding(document.getString(ID), document.getString(BENEFICIARY), document.getString("centreId"),
                document.getLong("priceCents"),
                toDetails(FundingType.valueOf(document.getString("type")), document.get(DETAILS, Document.class)),
                document.getDate(CREATE_TIME).toInstant(), cancelled == null ? null : cancelled.toInstant(),
                document.getLong(VERSION));
    }
}
