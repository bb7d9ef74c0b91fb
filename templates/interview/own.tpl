{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-lg-8">
<p><a class="back-link" href="{{SELF_PATH}}">{{_ Back to your application}}</a></p>
<h1>{{_ Your interview}}</h1>
<p>{{POSITION_TITLE}}</p>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
{{#NO_INVITATIONS}}<p>{{_ You have not been invited to an interview.}}</p>{{/NO_INVITATIONS}}
{{#INVITATION}}<section aria-labelledby="round-{{ROUND_ID}}">
<h2 id="round-{{ROUND_ID}}">{{NAME}}</h2>
{{#BOOKED}}<p>{{_ Your time:}} <strong class="booked-time">{{TIME}}</strong></p>
<p>{{_ Place or online link:}} {{PLACE}}</p>
<p><a href="{{CALENDAR_HREF}}" download>{{_ Add to your calendar (.ics)}}</a></p>
{{#CAN_CHANGE}}<form method="post" action="{{PATH}}/cancel">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-secondary">{{_ Cancel your time}}</button>
</form>{{/CAN_CHANGE}}
{{#PAST_CUTOFF}}<p>{{_ The time can no longer be changed here. Contact the employer if you need to change it.}}</p>{{/PAST_CUTOFF}}
{{/BOOKED}}
{{#NOT_BOOKED}}<p>{{_ Pick a time for your interview.}}</p>{{/NOT_BOOKED}}
{{#NO_FREE_SLOTS}}<p>{{_ There are no free times left. Contact the employer.}}</p>{{/NO_FREE_SLOTS}}
{{#HAS_FREE_SLOTS}}<form method="post" action="{{PATH}}/book">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<fieldset class="form-group">
<legend class="form-label">{{_ Free times}}</legend>
<p class="form-hint">{{_ You can book, rebook and cancel until this many hours before the interview:}} {{CUTOFF_HOURS}}</p>
{{#FREE_SLOT}}<div class="form-group-radio"><input class="form-radio" type="radio" id="slot-{{SLOT_ID}}" name="slot_id" value="{{SLOT_ID}}"><label class="form-label" for="slot-{{SLOT_ID}}">{{TIME}}, {{PLACE}}</label></div>
{{/FREE_SLOT}}</fieldset>
<button type="submit" class="button button-primary">{{_ Book the chosen time}}</button>
</form>{{/HAS_FREE_SLOTS}}
</section>{{/INVITATION}}
</div></div>
