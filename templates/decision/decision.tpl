{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Hiring decision}}</h1>
<p>{{CASE_TITLE}}. {{_ State}}: <strong id="case-state">{{STATE}}</strong></p>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<p>{{_ The Projektleder proposes the candidate. The case's Ansættende leder, another person, approves the proposal or returns it. Nobody approves their own proposal.}}</p>
{{#BOTH_ROLES}}<div class="alert alert-warning"><div class="alert-body"><p class="alert-text">{{_ Someone holds both the Projektleder and the Ansættende leder role on this case. Change the committee so that two different people propose and approve.}}</p></div></div>{{/BOTH_ROLES}}
{{#HAS_PRIORITY}}<section aria-labelledby="priority">
<h2 id="priority">{{_ Applicants with priority access}}</h2>
<p>{{_ An applicant who invoked priority access and meets the formal requirements must be invited to interview. If they do not meet them, record why; the Ansættende leder sees the reason.}}</p>
{{#BLOCKING}}<p><strong>{{_ Not invited and no reason recorded:}} {{COUNT}}</strong></p>{{/BLOCKING}}
<table class="table table--zebra" id="priority-table">
<caption class="sr-only">{{_ Applicants with priority access}}</caption>
<thead><tr><th scope="col">{{_ Applicant}}</th><th scope="col">{{_ Status}}</th><th scope="col">{{_ Interview}}</th></tr></thead>
<tbody>
{{#PRIORITY_ROW}}<tr><th scope="row">{{LABEL}}</th><td>{{STATUS}}</td><td>{{#INVITED}}{{_ Invited}}{{/INVITED}}{{#WAIVED}}{{_ Not invited. Reason:}} {{REASON}}{{/WAIVED}}{{#NOT_INVITED}}<strong>{{_ Not invited}}</strong>{{/NOT_INVITED}}
{{#CAN_WAIVE}}<form method="post" action="/cases/{{CASE_ID}}/decision/priority/{{APPLICATION_ID}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group">
<label class="form-label" for="reason-{{APPLICATION_ID}}">{{_ Why the applicant does not meet the formal requirements}} <span class="sr-only">({{LABEL}})</span></label>
<textarea class="form-input" id="reason-{{APPLICATION_ID}}" name="reason" rows="3" maxlength="5000"></textarea>
</div>
<button type="submit" class="button button-secondary">{{_ Record the reason}}</button>
</form>{{/CAN_WAIVE}}</td></tr>
{{/PRIORITY_ROW}}</tbody>
</table>
</section>{{/HAS_PRIORITY}}
{{#HAS_HIRE}}<section aria-labelledby="proposal">
<h2 id="proposal">{{_ The proposal}}</h2>
<dl class="decision-facts" data-status="{{STATUS_KIND}}">
<dt>{{_ Status}}</dt><dd id="decision-status">{{STATUS}}</dd>
<dt>{{_ Candidate}}</dt><dd id="decision-candidate">{{CANDIDATE}}</dd>
{{#HAS_RESERVES}}<dt>{{_ Reserves, in order}}</dt><dd><ol>{{#RESERVE}}<li>{{LABEL}}</li>{{/RESERVE}}</ol></dd>{{/HAS_RESERVES}}
<dt>{{_ Justification}}</dt><dd class="preserve-lines">{{JUSTIFICATION}}</dd>
<dt>{{_ Proposed by}}</dt><dd>{{PROPOSED_BY}}, {{PROPOSED_AT}}</dd>
{{#DECIDED}}<dt>{{_ Decided by}}</dt><dd>{{BY}}, {{AT}}</dd>
{{#HAS_COMMENT}}<dt>{{_ Comment}}</dt><dd class="preserve-lines">{{COMMENT}}</dd>{{/HAS_COMMENT}}{{/DECIDED}}
</dl>
{{#WAITS_FOR_OTHER}}<p>{{_ The proposal waits for the case's Ansættende leder.}}</p>{{/WAITS_FOR_OTHER}}
{{#CAN_APPROVE_HIRE}}<form method="post" action="/cases/{{CASE_ID}}/decision/answer" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="kind" value="hire">
<div class="form-group{{#ERROR_COMMENT}} form-error{{/ERROR_COMMENT}}">
<label class="form-label" for="comment">{{_ Comment}}</label>
<span class="form-hint" id="comment-hint">{{_ Required when you return the proposal.}}</span>
{{#ERROR_COMMENT}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_COMMENT}}
<textarea class="form-input" id="comment" name="comment" rows="4" maxlength="5000" aria-describedby="comment-hint"></textarea>
</div>
<button type="submit" class="button button-primary" name="answer" value="approve">{{_ Approve the decision}}</button>
<button type="submit" class="button button-secondary" name="answer" value="return">{{_ Return the proposal}}</button>
</form>{{/CAN_APPROVE_HIRE}}
</section>{{/HAS_HIRE}}
{{#CAN_PROPOSE}}<section aria-labelledby="propose">
<h2 id="propose">{{_ Propose the candidate}}</h2>
{{#PRIORITY_BLOCKS}}<p>{{_ The proposal cannot be made before every applicant with priority access is invited to interview or has a reason recorded.}}</p>{{/PRIORITY_BLOCKS}}
<form method="post" action="/cases/{{CASE_ID}}/decision" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_CANDIDATE}} form-error{{/ERROR_CANDIDATE}}">
<label class="form-label" for="candidate">{{_ Candidate}}</label>
{{#ERROR_CANDIDATE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CANDIDATE}}
<select class="form-select" id="candidate" name="candidate">
<option value="">{{_ Choose}}</option>
{{#CANDIDATE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CANDIDATE_OPTION}}
</select>
</div>
<fieldset id="reserves">
<legend class="form-label">{{_ Reserves, in order (optional)}}</legend>
{{#ERROR_RESERVES}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_RESERVES}}
{{#RESERVE_FIELD}}<div class="form-group">
<label class="form-label" for="reserve_{{NUMBER}}">{{_ Reserve}} {{NUMBER}}</label>
<select class="form-select" id="reserve_{{NUMBER}}" name="reserve_{{NUMBER}}">
<option value="">{{_ None}}</option>
{{#OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
</select>
</div>
{{/RESERVE_FIELD}}</fieldset>
<div class="form-group{{#ERROR_JUSTIFICATION}} form-error{{/ERROR_JUSTIFICATION}}">
<label class="form-label" for="justification">{{_ Justification}}</label>
<span class="form-hint" id="justification-hint">{{_ Why this candidate, as the committee assessed the applicants. The Ansættende leder reads it before approving.}}</span>
{{#ERROR_JUSTIFICATION}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_JUSTIFICATION}}
<textarea class="form-input" id="justification" name="justification" rows="6" maxlength="5000" aria-describedby="justification-hint">{{VALUE_JUSTIFICATION}}</textarea>
</div>
<button type="submit" class="button button-primary">{{_ Send the proposal for approval}}</button>
</form>
</section>{{/CAN_PROPOSE}}
{{#CAN_RECORD_CONTRACT}}<section aria-labelledby="contract">
<h2 id="contract">{{_ Signed contract}}</h2>
<p>{{_ The offer has been sent to the candidate. When the contract is signed, record the date: the case is then filled, and the accounts of external committee members end.}}</p>
<form method="post" action="/cases/{{CASE_ID}}/decision/contract" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_CONTRACT_SIGNED_ON}} form-error{{/ERROR_CONTRACT_SIGNED_ON}}">
<label class="form-label" for="contract_signed_on">{{_ Date the contract was signed}}</label>
<span class="form-hint" id="contract-hint">{{_ For example}} {{TODAY}}</span>
{{#ERROR_CONTRACT_SIGNED_ON}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CONTRACT_SIGNED_ON}}
<input class="form-input input-width-s" type="date" id="contract_signed_on" name="contract_signed_on" value="{{VALUE_CONTRACT_SIGNED_ON}}" aria-describedby="contract-hint">
</div>
<button type="submit" class="button button-primary">{{_ Record the signed contract}}</button>
</form>
</section>{{/CAN_RECORD_CONTRACT}}
{{#CAN_DOWNLOAD_LETTER}}<p><a class="function-link" id="letter-link" href="/cases/{{CASE_ID}}/decision/letter">{{_ Download the employment letter (PDF)}}</a></p>{{/CAN_DOWNLOAD_LETTER}}
{{#HAS_APPLICANT_LIST}}<p><a class="function-link" id="applicant-list-link" href="/cases/{{CASE_ID}}/applicant-list">{{_ Download the applicant list (PDF)}}</a> {{_ (civil-servant position: the names of the applicants who did not ask to be left off)}}</p>{{/HAS_APPLICANT_LIST}}
{{#CONTRACT_SIGNED}}<p>{{_ Contract signed on}} <strong id="contract-signed-on">{{SIGNED_ON}}</strong>.</p>{{/CONTRACT_SIGNED}}
{{#END}}<section aria-labelledby="end">
<h2 id="end">{{_ Rejections and closing}}</h2>
{{#HAS_REJECTIONS}}<p>{{_ These applicants have not had an answer yet. Review the mails before they are sent:}}</p>
<ul class="nobullet-list">
{{#BEFORE}}<li><a class="button button-secondary" id="reject-before" href="{{HREF}}">{{_ Rejections before interview}} ({{COUNT}})</a></li>{{/BEFORE}}
{{#AFTER}}<li><a class="button button-secondary" id="reject-after" href="{{HREF}}">{{_ Rejections after interview}} ({{COUNT}})</a></li>{{/AFTER}}
</ul>{{/HAS_REJECTIONS}}
{{#ALL_ANSWERED}}<p>{{_ Every applicant has had an answer.}}</p>{{/ALL_ANSWERED}}
{{#CLOSED}}<p>{{_ The case was closed on}} <strong id="closed-at">{{CLOSED_AT}}</strong>. {{_ The retention period of its applications runs from then.}}</p>{{/CLOSED}}
{{#CAN_CLOSE}}<form method="post" action="/cases/{{CASE_ID}}/decision/close" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-primary">{{_ Close the case}}</button>
</form>{{/CAN_CLOSE}}
</section>{{/END}}
{{#CANCEL_PENDING}}<section aria-labelledby="cancel">
<h2 id="cancel">{{_ Cancelling the case}}</h2>
<dl class="decision-facts">
<dt>{{_ Status}}</dt><dd id="cancel-status">{{STATUS}}</dd>
<dt>{{_ Reason}}</dt><dd class="preserve-lines">{{JUSTIFICATION}}</dd>
<dt>{{_ Asked for by}}</dt><dd>{{PROPOSED_BY}}, {{PROPOSED_AT}}</dd>
</dl>
{{#WAITS_FOR_OTHER}}<p>{{_ The cancellation waits for the case's Ansættende leder.}}</p>{{/WAITS_FOR_OTHER}}
{{#CAN_APPROVE_CANCEL}}<p>{{_ If you approve, the case is cancelled and its applicants are told by mail.}}</p>
<form method="post" action="/cases/{{CASE_ID}}/decision/answer" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="kind" value="cancel">
<div class="form-group">
<label class="form-label" for="cancel-comment">{{_ Comment}}</label>
<span class="form-hint" id="cancel-comment-hint">{{_ Required when you return the proposal.}}</span>
<textarea class="form-input" id="cancel-comment" name="comment" rows="3" maxlength="5000" aria-describedby="cancel-comment-hint"></textarea>
</div>
<button type="submit" class="button button-primary" name="answer" value="approve">{{_ Approve the cancellation}}</button>
<button type="submit" class="button button-secondary" name="answer" value="return">{{_ Return the proposal}}</button>
</form>{{/CAN_APPROVE_CANCEL}}
</section>{{/CANCEL_PENDING}}
{{#CAN_REQUEST_CANCEL}}<section aria-labelledby="cancel">
<h2 id="cancel">{{_ Cancelling the case}}</h2>
<p>{{_ The case has applications. Cancelling it must be approved by the case's Ansættende leder; the applicants are then told by mail.}}</p>
<form method="post" action="/cases/{{CASE_ID}}/decision/cancellation" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_REASON}} form-error{{/ERROR_REASON}}">
<label class="form-label" for="reason">{{_ Reason for cancelling}}</label>
{{#ERROR_REASON}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_REASON}}
<textarea class="form-input" id="reason" name="reason" rows="3" maxlength="5000">{{VALUE_REASON}}</textarea>
</div>
<button type="submit" class="button button-secondary">{{_ Ask for the cancellation}}</button>
</form>
</section>{{/CAN_REQUEST_CANCEL}}
{{#HAS_HISTORY}}<section aria-labelledby="history">
<h2 id="history">{{_ Decisions on the case}}</h2>
<table class="table table--zebra">
<caption class="sr-only">{{_ Decisions on the case}}</caption>
<thead><tr><th scope="col">{{_ Decision}}</th><th scope="col">{{_ Status}}</th><th scope="col">{{_ Proposed}}</th><th scope="col">{{_ Decided}}</th></tr></thead>
<tbody>
{{#HISTORY_ROW}}<tr><th scope="row">{{KIND}}</th><td>{{STATUS}}</td><td>{{PROPOSED}}</td><td>{{DECIDED}}</td></tr>
{{/HISTORY_ROW}}</tbody>
</table>
</section>{{/HAS_HISTORY}}
