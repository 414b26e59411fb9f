/**
 * English messages of the floor's safety rules (#10, #11): health data only for the assigned beautician and the
 * manager, the consultation run in the room when it was not done at the kiosk, presence and unaccepted assignments.
 * Spread into en.ts so the catalogue stays one.
 */
export const floorSafetyEn = {
  'reason.consultation_pending':
    'The consultation has not been done yet: go through the health questions with the client before the plan can be confirmed.',
  'reason.consultation_already_done': 'This client’s consultation is already recorded.',
  'reason.consultation_not_now': 'The consultation is recorded in the room, before the plan is confirmed (the visit is {state}).',
  'reason.health_data_not_yours': 'Only the client’s beautician or the manager may record health answers.',
  'reason.staff_not_present': 'This staff member is not here today: nobody has signed in as them, and the desk has not marked them present.',
  'staff.consultation.pending': 'Consultation not done yet',
  'staff.consultation.pendingHint': 'The client did not answer the health questions at the kiosk. Ask them now, before the plan.',
  'staff.consultation.start': 'Do the consultation',
  'staff.consultation.save': 'Save the answers',
  'staff.consultation.cancel': 'Back',
  'staff.consultation.inRoomTitle': 'Consultation with the client',
  'staff.consultation.yes': 'Yes',
  'staff.consultation.no': 'No',
  'staff.consultation.required': 'Required',
  'staff.consultation.toReview': 'Confirmed “nothing has changed” at the kiosk with the phone number only: go through these answers with the client before the plan.',
  'staff.consultation.recorded': 'Consultation done in the room',
  'staff.consultation.withheld': 'Health answers: only the client’s beautician and the manager see them.',
  'staff.board.roomActions': 'Desk actions',
  'staff.board.unacceptedBy': '{name} did not accept in time: back in the queue',
  'staff.board.acceptWithin': 'Accept within {n} min',
  'staff.board.backToQueue': 'Back to the queue',
  'staff.board.markPresent': 'Mark present',
  'staff.board.present': 'Here today',
  'staff.board.notPresent': 'Not signed in today',
  'staff.alert.unaccepted': '{ticket} was not accepted within {n} min: the client is back in the queue.',
} as const;
