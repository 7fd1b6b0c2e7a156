package org.bashgah.partners.internal;

import java.util.List;
import java.util.Map;
import org.bashgah.core.testing.OpenApiFragmentContract;

/** The partners bundle's hand-written OpenAPI fragment is true to its resources and fits core's document. */
class OpenApiFragmentTest extends OpenApiFragmentContract {
    OpenApiFragmentTest() {
        super(List.of("openapi/partners.json"), AgreementResource.class, "Partners");
    }

    @Override
    protected Map<String, Class<?>> recordsOfSchemas() {
        return Map.ofEntries(
            Map.entry("PartnersAgreement", AgreementView.class),
            Map.entry("PartnersAgreementRequest", Agreements.AgreementRequest.class),
            Map.entry("PartnersTerms", AgreementView.Terms.class),
            Map.entry("PartnersFigures", AgreementView.Figures.class),
            Map.entry("PartnersConsent", AgreementResource.Consent.class),
            Map.entry("PartnersConsentRequest", CrossCredit.ConsentRequest.class),
            Map.entry("PartnersMemberCredit", CreditResource.MemberCredit.class),
            Map.entry("PartnersRedemptionRequest", CrossCredit.RedemptionRequest.class),
            Map.entry("PartnersFund", Funds.Fund.class),
            Map.entry("PartnersFundRequest", Funds.FundRequest.class),
            Map.entry("PartnersLottery", Lotteries.Lottery.class),
            Map.entry("PartnersLotteryRequest", Lotteries.LotteryRequest.class),
            Map.entry("PartnersTicket", Lotteries.Ticket.class),
            Map.entry("PartnersLine", Settlements.Line.class),
            Map.entry("PartnersStatement", Settlements.Statement.class),
            Map.entry("PartnersSettlement", Settlements.Settlement.class),
            Map.entry("PartnersSettlementRequest", Settlements.SettlementRequest.class),
            Map.entry("PartnersPaymentRequest", Settlements.PaymentRequest.class),
            Map.entry("PartnersOutboxMessage", Outbox.Message.class),
            Map.entry("PartnersMessage", Remotes.Message.class),
            Map.entry("PartnersRemote", Remotes.Remote.class),
            Map.entry("PartnersRemoteRequest", Remotes.RemoteRequest.class),
            Map.entry("PartnersSent", Remotes.Sent.class));
    }
}
