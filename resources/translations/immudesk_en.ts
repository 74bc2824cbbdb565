<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChildDialog</name>
    <message numerus="yes">
        <source>%n dose(s) on record</source>
        <translation>
            <numerusform>%n dose on record</numerusform>
            <numerusform>%n doses on record</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{counting} counting of %n required now</source>
        <translation>
            <numerusform>{counting} counting of %n required now</numerusform>
            <numerusform>{counting} counting of %n required now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n counting; none required yet</source>
        <translation>
            <numerusform>%n counting; none required yet</numerusform>
            <numerusform>%n counting; none required yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Facility</name>
    <message numerus="yes">
        <source>Under {state}'s law, %n child(ren) of {enrolled} change status</source>
        <translation>
            <numerusform>Under {state}'s law, %n child of {enrolled} changes status</numerusform>
            <numerusform>Under {state}'s law, %n children of {enrolled} change status</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message numerus="yes">
        <source>Nothing was imported from {file}: %n problem(s) must be fixed first. Correct them in the spreadsheet, save it as CSV (UTF-8) and import it again.</source>
        <translation>
            <numerusform>Nothing was imported from {file}: %n problem must be fixed first. Correct it in the spreadsheet, save it as CSV (UTF-8) and import it again.</numerusform>
            <numerusform>Nothing was imported from {file}: %n problems must be fixed first. Correct them in the spreadsheet, save it as CSV (UTF-8) and import it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Looking ahead: statuses on {date}, %n day(s) from today, counting only the doses on record now. Press Ctrl+T for today.</source>
        <translation>
            <numerusform>Looking ahead: statuses on {date}, %n day from today, counting only the doses on record now. Press Ctrl+T for today.</numerusform>
            <numerusform>Looking ahead: statuses on {date}, %n days from today, counting only the doses on record now. Press Ctrl+T for today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking back: statuses on {date}, %n day(s) ago, from the records as they are now. Press Ctrl+T for today.</source>
        <translation>
            <numerusform>Looking back: statuses on {date}, %n day ago, from the records as they are now. Press Ctrl+T for today.</numerusform>
            <numerusform>Looking back: statuses on {date}, %n days ago, from the records as they are now. Press Ctrl+T for today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren) enrolled</source>
        <translation>
            <numerusform>%n child enrolled</numerusform>
            <numerusform>%n children enrolled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n withdrawn</source>
        <translation>
            <numerusform>%n withdrawn</numerusform>
            <numerusform>%n withdrawn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n child(ren)</source>
        <translation>
            <numerusform>Imported %n child</numerusform>
            <numerusform>Imported %n children</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outbreak</name>
    <message numerus="yes">
        <source>%n child(ren) susceptible to {disease} on {date}, out of {attending} attending.</source>
        <translation>
            <numerusform>%n child susceptible to {disease} on {date}, out of {attending} attending.</numerusform>
            <numerusform>%n children susceptible to {disease} on {date}, out of {attending} attending.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsDue</name>
    <message numerus="yes">
        <source>%n record(s) to ask parents for (due now or within {days} days). The last update is the first day of attendance or the newest dose on record.</source>
        <translation>
            <numerusform>%n record to ask parents for (due now or within {days} days). The last update is the first day of attendance or the newest dose on record.</numerusform>
            <numerusform>%n records to ask parents for (due now or within {days} days). The last update is the first day of attendance or the newest dose on record.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n yr</source>
        <translation>
            <numerusform>%n yr</numerusform>
            <numerusform>%n yr</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mo</source>
        <translation>
            <numerusform>%n mo</numerusform>
            <numerusform>%n mo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
</TS>
