package fr.bilan.quality.results;

import fr.bilan.proto.quality.v1.SituationFigure;
import fr.bilan.support.time.ProtoTime;

/** The results and publications as the contract spells them. */
final class ResultsMessages {

    private ResultsMessages() {
    }

    static fr.bilan.proto.quality.v1.Results results(Results r) {
        var message = fr.bilan.proto.quality.v1.Results.newBuilder().setCentreId(r.centreId()).setName(r.name())
                .setStartTime(ProtoTime.of(r.period().start())).setEndTime(ProtoTime.of(r.period().end()))
                .setComputeTime(ProtoTime.of(r.computeTime())).setBeneficiaries(figure(r.beneficiaries()))
                .setCompletionRate(figure(r.completionRate())).setDropOutRate(figure(r.dropOutRate()))
                .setSatisfactionEndOfBilan(figure(r.satisfactionEndOfBilan()))
                .setResponseRateEndOfBilan(figure(r.responseRateEndOfBilan()))
                .setSatisfactionFollowUp(figure(r.satisfactionFollowUp()))
                .setResponseRateFollowUp(figure(r.responseRateFollowUp()));
        r.situations().forEach(share -> message.addSituationsAtSixMonths(SituationFigure.newBuilder()
                .setSituation(share.situation().name()).setLabel(share.situation().label()).setShare(figure(share.share()))));
        return message.build();
    }

    static fr.bilan.proto.quality.v1.Publication publication(Publication publication) {
        return fr.bilan.proto.quality.v1.Publication.newBuilder().setId(publication.id())
                .setResults(results(publication.results())).setPublishTime(ProtoTime.of(publication.publishTime()))
                .setUrlPath(publication.urlPath()).build();
    }

    private static fr.bilan.proto.quality.v1.Figure figure(Figure figure) {
        // the contract's sample size is an int32: no cohort of a network comes near it
        return fr.bilan.proto.quality.v1.Figure.newBuilder().setShown(figure.shown()).setValue(figure.value())
                .setSampleSize(Math.toIntExact(figure.sampleSize())).build();
    }
}
