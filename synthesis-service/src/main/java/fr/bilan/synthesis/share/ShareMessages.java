package fr.bilan.synthesis.share;

import fr.bilan.support.time.ProtoTime;
import fr.bilan.synthesis.bilan.RecipientMessages;

/** Shares as the contract shows them: never their path, which only their creation answers. */
public final class ShareMessages {

    private ShareMessages() {
    }

    public static fr.bilan.proto.synthesis.v1.SynthesisShare.Builder toProto(SynthesisShare share) {
        return fr.bilan.proto.synthesis.v1.SynthesisShare.newBuilder().setId(share.id())
                .setRecipient(RecipientMessages.toProto(share.recipient()))
                .setCreateTime(ProtoTime.of(share.createTime())).setExpireTime(ProtoTime.of(share.expireTime()));
    }
}
