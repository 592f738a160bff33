package fr.bilan.synthesis.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.type.Date;

import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.InvalidFields.Violation;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.synthesis.content.Content.ActionStep;
import fr.bilan.synthesis.content.Content.CareerProject;
import fr.bilan.synthesis.content.Content.Feasibility;
import fr.bilan.synthesis.content.Content.FollowUp;
import fr.bilan.synthesis.content.Content.Horizon;
import fr.bilan.synthesis.content.Content.Interests;
import fr.bilan.synthesis.content.Content.Riasec;
import fr.bilan.synthesis.content.Content.Skills;
import fr.bilan.synthesis.content.Content.TestResult;
import fr.bilan.synthesis.content.Content.Training;

/**
 * The synthèse's content as the contract writes it ({@code SynthesisContent}), both ways; also its
 * stored form, the same message's bytes, which every synthèse was sealed in. A section left empty is
 * written as absent.
 */
public final class ContentMessages {

    private static final String AT = "synthesis.content.";

    private ContentMessages() {
    }

    /**
     * What a request sent in {@code sections}, the others left empty: dates that are no day of the
     * calendar are refused by field, as the contract names it.
     */
    public static Content fromRequest(SynthesisContent sent, Set<Section> sections) {
        List<Violation> violations = new ArrayList<>();
        Content content = fromProto(sent, sections, (date, field) -> {
            var problems = new FieldViolations();
            LocalDate day = ProtoDates.day(date, AT + field, problems);
            problems.asList().forEach(problem -> violations.add(new Violation(problem.getField(),
                    problem.getDescription())));
            return day;
        });
        if (!violations.isEmpty()) {
            throw new InvalidFields(violations);
        }
        return content;
    }

    public static SynthesisContent toProto(Content content) {
        SynthesisContent.Builder proto = SynthesisContent.newBuilder()
                .setRequestContext(content.requestContext())
                .setCareerPath(content.careerPath())
                .setConditionsAndMeans(content.conditionsAndMeans());
        if (!content.skills().equals(Skills.NONE)) {
            proto.setSkills(fr.bilan.proto.synthesis.v1.Skills.newBuilder()
                    .addAllKnowledge(content.skills().knowledge()).addAllSkills(content.skills().skills())
                    .addAllSoftSkills(content.skills().softSkills()));
        }
        if (!content.interests().equals(Interests.NONE)) {
            var interests = fr.bilan.proto.synthesis.v1.Interests.newBuilder()
                    .setMotivations(content.interests().motivations());
            content.interests().testResults().forEach(test -> interests.addTestResults(toProto(test)));
            proto.setInterests(interests);
        }
        if (content.mainProject() != null) {
            proto.setMainProject(toProto(content.mainProject()));
        }
        content.alternativeProjects().forEach(project -> proto.addAlternativeProjects(toProto(project)));
        for (ActionStep step : content.actionPlan()) {
            var proposed = fr.bilan.proto.synthesis.v1.ActionStep.newBuilder().setDescription(step.description())
                    .setHorizon(step.horizon() == null ? fr.bilan.proto.synthesis.v1.Horizon.HORIZON_UNSPECIFIED
                            : fr.bilan.proto.synthesis.v1.Horizon.valueOf(step.horizon().name()));
            if (step.dueDate() != null) {
                proposed.setDueDate(ProtoDates.of(step.dueDate()));
            }
            proto.addActionPlan(proposed);
        }
        if (!content.training().equals(Training.NONE)) {
            proto.setTraining(fr.bilan.proto.synthesis.v1.Training.newBuilder()
                    .addAllTrainingNeeds(content.training().trainingNeeds())
                    .setVaeAdvised(content.training().vaeAdvised()).setVaeDetails(content.training().vaeDetails()));
        }
        if (!content.followUp().equals(FollowUp.NONE)) {
            var followUp = fr.bilan.proto.synthesis.v1.FollowUp.newBuilder().setTerms(content.followUp().terms());
            if (content.followUp().proposedDate() != null) {
                followUp.setProposedDate(ProtoDates.of(content.followUp().proposedDate()));
            }
            proto.setFollowUp(followUp);
        }
        return proto.build();
    }

    static byte[] toBytes(Content content) {
        return toProto(content).toByteArray();
    }

    /** A stored content: its dates were checked when it was saved. */
    static Content fromBytes(byte[] stored, String what) {
        try {
            return fromProto(SynthesisContent.parseFrom(stored), Set.of(Section.values()),
                    (date, field) -> ProtoDates.day(date, field, new FieldViolations()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Synthesis " + what + " does not parse", e);
        }
    }

    private static Content fromProto(SynthesisContent proto, Set<Section> sections,
            BiFunction<Date, String, LocalDate> days) {
        Content sent = new Content(proto.getRequestContext(), proto.getCareerPath(),
                new Skills(proto.getSkills().getKnowledgeList(), proto.getSkills().getSkillsList(),
                        proto.getSkills().getSoftSkillsList()),
                new Interests(proto.getInterests().getMotivations(), proto.getInterests().getTestResultsList().stream()
                        .map(test -> new TestResult(test.getTestName(), test.getSummary(), test.hasRiasec()
                                ? new Riasec(test.getRiasec().getRealistic(), test.getRiasec().getInvestigative(),
                                        test.getRiasec().getArtistic(), test.getRiasec().getSocial(),
                                        test.getRiasec().getEnterprising(), test.getRiasec().getConventional())
                                : null)).toList()),
                proto.hasMainProject() ? fromProto(proto.getMainProject()) : null,
                proto.getAlternativeProjectsList().stream().map(ContentMessages::fromProto).toList(),
                proto.getConditionsAndMeans(),
                sections.contains(Section.ACTION_PLAN) ? steps(proto.getActionPlanList(), days) : List.of(),
                new Training(proto.getTraining().getTrainingNeedsList(), proto.getTraining().getVaeAdvised(),
                        proto.getTraining().getVaeDetails()),
                sections.contains(Section.FOLLOW_UP) ? new FollowUp(days.apply(proto.getFollowUp().getProposedDate(),
                        "follow_up.proposed_date"), proto.getFollowUp().getTerms()) : FollowUp.NONE);
        Content only = Content.EMPTY;
        for (Section section : sections) {
            only = only.with(section, sent);
        }
        return only;
    }

    private static List<ActionStep> steps(List<fr.bilan.proto.synthesis.v1.ActionStep> steps,
            BiFunction<Date, String, LocalDate> days) {
        List<ActionStep> read = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            read.add(new ActionStep(step.getDescription(), horizon(step.getHorizon()),
                    days.apply(step.getDueDate(), "action_plan[" + i + "].due_date")));
        }
        return read;
    }

    private static CareerProject fromProto(fr.bilan.proto.synthesis.v1.CareerProject project) {
        return new CareerProject(project.getTitle(), project.getDescription(), switch (project.getFeasibility()) {
            case HIGH -> Feasibility.HIGH;
            case CONDITIONAL -> Feasibility.CONDITIONAL;
            case LOW -> Feasibility.LOW;
            default -> null;
        }, project.getFeasibilityNotes());
    }

    private static Horizon horizon(fr.bilan.proto.synthesis.v1.Horizon horizon) {
        return switch (horizon) {
            case SHORT_TERM -> Horizon.SHORT_TERM;
            case MEDIUM_TERM -> Horizon.MEDIUM_TERM;
            case LONG_TERM -> Horizon.LONG_TERM;
            default -> null;
        };
    }

    private static fr.bilan.proto.synthesis.v1.CareerProject toProto(CareerProject project) {
        return fr.bilan.proto.synthesis.v1.CareerProject.newBuilder().setTitle(project.title())
                .setDescription(project.description())
                .setFeasibility(project.feasibility() == null ? fr.bilan.proto.synthesis.v1.Feasibility.FEASIBILITY_UNSPECIFIED
                        : fr.bilan.proto.synthesis.v1.Feasibility.valueOf(project.feasibility().name()))
                .setFeasibilityNotes(project.feasibilityNotes()).build();
    }

    private static fr.bilan.proto.synthesis.v1.TestResult toProto(TestResult test) {
        var proto = fr.bilan.proto.synthesis.v1.TestResult.newBuilder().setTestName(test.testName())
                .setSummary(test.summary());
        if (test.riasec() != null) {
            Riasec riasec = test.riasec();
            proto.setRiasec(fr.bilan.proto.synthesis.v1.RiasecProfile.newBuilder().setRealistic(riasec.realistic())
                    .setInvestigative(riasec.investigative()).setArtistic(riasec.artistic()).setSocial(riasec.social())
                    .setEnterprising(riasec.enterprising()).setConventional(riasec.conventional()));
        }
        return proto.build();
    }
}
