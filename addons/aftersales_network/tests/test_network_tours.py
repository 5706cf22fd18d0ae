from odoo.tests import HttpCase, tagged

from .common import NetworkCommon


@tagged("post_install", "-at_install")
class TestNetworkTours(NetworkCommon, HttpCase):
    """Each back-office role does its part in the browser, as its own user (not the administrator)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_network()

    def _form_url(self, application):
        return f"/odoo/action-aftersales_network.aftersales_network_application_action/{application.id}"

    def test_tour_officer_scores_the_application(self):
        """The network officer opens the submitted application, scores it and confirms the sheet."""
        application = self._start()
        self._fill(application)
        self._attach_documents(application)
        application.with_user(self.officer).action_submit()
        self.start_tour(self._form_url(application), "aftersales_network_officer_score", login="nw_officer")
        sheet = application.evaluation_ids
        self.assertRecordValues(sheet, [{"state": "done", "scorer_id": self.officer.id, "total_score": 70.0}])
        self.assertRecordValues(application, [{"state": "qualified", "application_score": 70.0}])

    def test_tour_manager_records_the_committee_decision(self):
        """The network manager writes the minutes and records the decision of the committee's votes."""
        application = self._start()
        self._to_committee(application)
        application.with_user(self.member_1).action_vote_approve()
        application.with_user(self.member_2).action_vote_approve()
        self.start_tour(self._form_url(application), "aftersales_network_manager_decide", login="nw_manager")
        self.assertRecordValues(application, [{"state": "approved", "committee_decision": "approve"}])
        self.assertIn("同意发展", application.committee_minutes)
        self.assertEqual(application.vote_ids.user_id, self.member_1 | self.member_2, "the manager did not vote")
