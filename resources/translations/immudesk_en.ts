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
</TS>
