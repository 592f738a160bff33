package fr.bilan.synthesis.synthesis;

import fr.bilan.synthesis.share.SynthesisShare;
import fr.bilan.support.time.ProtoTime;

/** Shares as the contract shows them: never their path, which only their creation answers. */
final class ShareMessages {

    private ShareMessages() {
    }

    static fr.bilan.proto.synthesis.v1.SynthesisShare.Builder toProto(SynthesisShare share) {
        return fr.bilan.proto.synthesis.v1.SynthesisShare.newBuilder().setId(share.id()).setRecipient(share.recipient())
                .setCreateTime(ProtoTime.of(share.createTime())).setExpireTime(ProtoTime.of(share.expireTime()));
    }
}
