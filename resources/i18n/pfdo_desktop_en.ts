<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ru">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="50"/>
        <source>База данных</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="51"/>
        <source>Портал</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="52"/>
        <source>не подключён</source>
        <translation>not connected</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="53"/>
        <source>Организация</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="54"/>
        <source>Номер компьютера на портале</source>
        <translation>This PC&apos;s number on the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="55"/>
        <source>Папка данных</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="63"/>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="69"/>
        <source>Рабочее место организации дополнительного образования в системе ПФДО: журнал, заявки, оплата — без интернета.</source>
        <translation>The workstation of a provider of additional education in personalised financing: attendance, applications, payment — without the internet.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="71"/>
        <source>Шрифты и библиотеки</source>
        <translation>Fonts and libraries</translation>
    </message>
</context>
<context>
    <name>ApplicationAction</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="77"/>
        <source>подтвердить</source>
        <translation>confirm</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="78"/>
        <source>отклонить</source>
        <translation>reject</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="79"/>
        <source>отозвать</source>
        <translation>withdraw</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="80"/>
        <source>зачислить</source>
        <translation>enrol</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="81"/>
        <source>отчислить</source>
        <translation>expel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="82"/>
        <source>перевести в другую группу</source>
        <translation>transfer to another group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="83"/>
        <source>расторгнуть по заявлению родителя</source>
        <translation>terminate at the parent&apos;s request</translation>
    </message>
</context>
<context>
    <name>ApplicationActionDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="81"/>
        <source>Отклонить заявку</source>
        <translation>Reject the application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="81"/>
        <source>Отклонить</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="82"/>
        <source>Зачислить по приказу</source>
        <translation>Enrol by order</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="82"/>
        <source>Зачислить</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="83"/>
        <source>Отчислить по приказу</source>
        <translation>Expel by order</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="83"/>
        <source>Отчислить</source>
        <translation>Expel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="84"/>
        <source>Перевести в другую группу</source>
        <translation>Transfer to another group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="84"/>
        <source>Перевести</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="85"/>
        <source>Расторгнуть договор по заявлению родителя</source>
        <translation>Terminate the contract at the parent&apos;s request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="85"/>
        <source>Расторгнуть</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="91"/>
        <source>%1, %2 — %3, с %4. Статус: %5.</source>
        <translation>%1, %2 — %3, from %4. Status: %5.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="104"/>
        <source>Команда уйдёт на портал при синхронизации; статус изменит ответ портала.</source>
        <translation>The command goes to the portal with the next sync; the portal&apos;s answer changes the status.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="153"/>
        <source>Укажите дату (ДД.ММ.ГГГГ).</source>
        <translation>Enter the date (DD.MM.YYYY).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="183"/>
        <source>— выберите —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="192"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="202"/>
        <source>Причина:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="193"/>
        <source>Комментарий:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="193"/>
        <source>для родителя</source>
        <translation>for the parent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="195"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="199"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="211"/>
        <source>Номер приказа:</source>
        <translation>Order number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="195"/>
        <source>12-о</source>
        <translation>12</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="196"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="200"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="212"/>
        <source>Дата приказа:</source>
        <translation>Order date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="197"/>
        <source>Зачислить с:</source>
        <translation>Enrol from:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="199"/>
        <source>15-о</source>
        <translation>15</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="201"/>
        <source>Последний день обучения:</source>
        <translation>Last day of study:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="205"/>
        <source>— выберите группу —</source>
        <translation>— choose a group —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="209"/>
        <source>В группу:</source>
        <translation>To group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="210"/>
        <source>Дата перевода:</source>
        <translation>Transfer date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="211"/>
        <source>16-о</source>
        <translation>16</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="217"/>
        <source>Дата заявления родителя:</source>
        <translation>Date of the parent&apos;s request:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="231"/>
        <source>Договор будет расторгнут с %1 — с 1-го числа месяца, следующего за заявлением.</source>
        <translation>The contract ends from %1 — the 1st day of the month after the request.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="240"/>
        <source>В старой группе договор закончится %1, в новой ребёнок будет зачислен с %2.</source>
        <translation>The contract in the old group ends on %1; the child is enrolled in the new group from %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="258"/>
        <source>Выберите причину отклонения.</source>
        <translation>Choose the reason for rejection.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="273"/>
        <source>Выберите причину отчисления.</source>
        <translation>Choose the reason for expulsion.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="279"/>
        <source>Выберите группу, в которую переводится ребёнок.</source>
        <translation>Choose the group the child moves to.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="298"/>
        <source>Команда не сохранена из-за внутренней ошибки.</source>
        <translation>The command was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ApplicationStatus</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="68"/>
        <source>новая</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="69"/>
        <source>подтверждена</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="70"/>
        <source>обучается</source>
        <translation>studying</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="71"/>
        <source>отклонена</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="72"/>
        <source>истекла</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="73"/>
        <source>отозвана</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="74"/>
        <source>отчислен</source>
        <translation>expelled</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="75"/>
        <source>переведён</source>
        <translation>transferred</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="76"/>
        <source>договор расторгнут</source>
        <translation>contract terminated</translation>
    </message>
</context>
<context>
    <name>ApplicationsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="85"/>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="92"/>
        <source>ФИО, номер заявки или сертификата</source>
        <translation>Name, application or certificate number</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="111"/>
        <source>Подтвердить</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="112"/>
        <source>Отклонить…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="113"/>
        <source>Отозвать</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="114"/>
        <source>Зачислить…</source>
        <translation>Enrol…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="115"/>
        <source>Отчислить…</source>
        <translation>Expel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="116"/>
        <source>Перевести…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="117"/>
        <source>Расторгнуть по заявлению…</source>
        <translation>Terminate at request…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="129"/>
        <source>Отменить неотправленное</source>
        <translation>Cancel unsent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="131"/>
        <source>Новая заявка…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="133"/>
        <source>Карточка ребёнка</source>
        <translation>Child&apos;s card</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="135"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="138"/>
        <source>Все заявления группы…</source>
        <translation>All applications of the group…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="140"/>
        <source>Заявления о зачислении всех детей группы (новые, подтверждённые, обучаются) одним PDF</source>
        <translation>Enrolment applications of every child in the group (new, confirmed, studying) in one PDF</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="151"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="154"/>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="391"/>
        <source>Группа:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="183"/>
        <source>Все группы</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="225"/>
        <source>Заявок: %1</source>
        <translation>Applications: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="227"/>
        <source>ожидают отправки: %1</source>
        <translation>waiting to be sent: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="241"/>
        <source>Экспорт заявок в Excel</source>
        <translation>Export applications to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="241"/>
        <source>Заявки</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="255"/>
        <source>заявок: %1</source>
        <translation>applications: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="277"/>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="297"/>
        <source>Выберите заявку в списке</source>
        <translation>Choose an application in the list</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="281"/>
        <source>Ждёт ответа портала на прежнюю команду: %1</source>
        <translation>Waiting for the portal&apos;s answer to the previous command: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="299"/>
        <source>Уведомление печатается, когда договор расторгнут: ребёнок отчислен, переведён или договор расторгнут по заявлению</source>
        <translation>The notice is printed once the contract has ended: the child was expelled, transferred or the contract was terminated on request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="307"/>
        <source>Отменить «%1», пока оно не отправлено на портал</source>
        <translation>Cancel “%1” before it is sent to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="311"/>
        <source>У выбранной заявки нет команды, ожидающей отправки</source>
        <translation>The selected application has no command waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="341"/>
        <source>Заявка сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Application saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="381"/>
        <source>В группе нет действующих заявок: печатать нечего.</source>
        <translation>The group has no live applications: nothing to print.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="391"/>
        <source>Все заявления группы</source>
        <translation>All applications of the group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="439"/>
        <source>Отменено, на портал не уйдёт: %1.</source>
        <translation>Cancelled, it will not be sent to the portal: %1.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="444"/>
        <source>Команда сохранена и ожидает отправки: портал решит при синхронизации.</source>
        <translation>Command saved and waiting to be sent: the portal decides at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="450"/>
        <source>Команда не сохранена из-за внутренней ошибки.</source>
        <translation>The command was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ApplicationsTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="19"/>
        <source>№</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="20"/>
        <source>Ребёнок</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="21"/>
        <source>Группа / программа</source>
        <translation>Group / programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="22"/>
        <source>Начало</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="23"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="24"/>
        <source>Причина отклонения</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="25"/>
        <source>Договор: стоимость и оплата</source>
        <translation>Contract: cost and payment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="57"/>
        <source>%1, %2
сертификат %3</source>
        <translation>%1, %2
certificate %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="63"/>
        <source>Номер присвоит портал, когда получит заявку</source>
        <translation>The portal assigns a number when it receives the application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="67"/>
        <source>Договор № %1</source>
        <translation>Contract No. %1</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="74"/>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="74"/>
        <source>Когда сделана</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="74"/>
        <source>Размер</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="75"/>
        <source>Что в копии</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="117"/>
        <source>ежедневная</source>
        <translation>daily</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="118"/>
        <source>перед обновлением программы</source>
        <translation>before a program update</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="119"/>
        <source>после подключения к порталу</source>
        <translation>after connecting to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="120"/>
        <source>сделана вручную</source>
        <translation>made by hand</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="124"/>
        <source>повреждена: %1</source>
        <translation>damaged: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="125"/>
        <source>детей %1, групп %2, отметок %3, неотправленных изменений %4</source>
        <translation>children %1, groups %2, marks %3, unsent changes %4</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="129"/>
        <source>; ПК в копии не подключён к порталу</source>
        <translation>; the PC in this copy is not connected to the portal</translation>
    </message>
</context>
<context>
    <name>CancelLessonDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="52"/>
        <source>Занятие не проведено</source>
        <translation>Lesson not held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="53"/>
        <source>Занятие %1 не проведено по вине исполнителя. Укажите причину (например, «болезнь педагога», «помещение закрыто»): она уйдёт на портал и будет видна в журнале.</source>
        <translation>The lesson of %1 was not held through the provider&apos;s fault. Give the reason (for example, “teacher ill”, “room closed”): it goes to the portal and shows in the journal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="58"/>
        <source>Причина</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="66"/>
        <source>Укажите причину, по которой занятие не проведено.</source>
        <translation>Give the reason why the lesson was not held.</translation>
    </message>
</context>
<context>
    <name>CandidateFrame</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="77"/>
        <source>Дата рождения:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="78"/>
        <source>Сертификат:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="79"/>
        <source>СНИЛС:</source>
        <translation>SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="80"/>
        <source>Это он(а)</source>
        <translation>This is the child</translation>
    </message>
</context>
<context>
    <name>CertificateStatus</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="115"/>
        <source>учёт</source>
        <translation>registration</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="116"/>
        <source>ПФ</source>
        <translation>PF</translation>
    </message>
</context>
<context>
    <name>ChartTexts</name>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="77"/>
        <source>Деньги по месяцам</source>
        <translation>Money by month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="78"/>
        <source>Аванс</source>
        <translation>Advance</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="79"/>
        <source>Оплачено по счёту</source>
        <translation>Paid by invoice</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="80"/>
        <source>Выставлено, не оплачено</source>
        <translation>Invoiced, not paid</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="81"/>
        <source>Объём услуги</source>
        <translation>Service delivered</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="82"/>
        <source>Обучающихся по месяцам</source>
        <translation>Pupils by month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="83"/>
        <source>Детей</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="84"/>
        <source>детей</source>
        <translation>children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="85"/>
        <source>Дети по числу программ</source>
        <translation>Children by number of programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="86"/>
        <source>1 программа</source>
        <translation>1 programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="87"/>
        <source>2 программы</source>
        <translation>2 programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="88"/>
        <source>3 и более</source>
        <translation>3 or more</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="89"/>
        <source>Программы и дети по направлениям</source>
        <translation>Programmes and children by direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="90"/>
        <source>Программ</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="91"/>
        <source>янв</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="92"/>
        <source>фев</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="93"/>
        <source>мар</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="94"/>
        <source>апр</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="95"/>
        <source>май</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="96"/>
        <source>июн</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="97"/>
        <source>июл</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="98"/>
        <source>авг</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="99"/>
        <source>сен</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="100"/>
        <source>окт</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="101"/>
        <source>ноя</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="102"/>
        <source>дек</source>
        <translation>Dec</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="112"/>
        <source>Объём оказания услуги по группам, %1</source>
        <translation>Service delivered by group, %1</translation>
    </message>
</context>
<context>
    <name>ChartWithTable</name>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="123"/>
        <source>Таблица</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="124"/>
        <source>Показать или скрыть таблицу с цифрами графика</source>
        <translation>Show or hide the table with the chart&apos;s figures</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/paint.py" line="57"/>
        <source>Нет данных</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="70"/>
        <source>Категория</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="74"/>
        <source>Всего</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/widgets.py" line="29"/>
        <source>Всего: %1</source>
        <translation>Total: %1</translation>
    </message>
</context>
<context>
    <name>ChildCardWidget</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="115"/>
        <source>Новая заявка…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="117"/>
        <source>Отменить неотправленное</source>
        <translation>Cancel unsent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="119"/>
        <source>Отменить запрос или выбор ребёнка, пока он не отправлен на портал</source>
        <translation>Cancel the request or the choice of the child before it is sent to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="122"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="123"/>
        <source>Заявление, выписка из реестра сертификатов, согласие</source>
        <translation>Application, certificate registry extract, consent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="129"/>
        <source>Портал нашёл похожих детей — выберите, кто это</source>
        <translation>The portal found similar children — choose who this is</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="135"/>
        <source>Нет, это новый ребёнок</source>
        <translation>No, this is a new child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="147"/>
        <source>Это другой ребёнок?</source>
        <translation>A different child?</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="156"/>
        <source>Отправить запрос снова</source>
        <translation>Send the request again</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="163"/>
        <source>СНИЛС ребёнка:</source>
        <translation>Child&apos;s SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="175"/>
        <source>Ребёнок</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="181"/>
        <source>Дата рождения:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="182"/>
        <source>СНИЛС:</source>
        <translation>SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="183"/>
        <source>Документ:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="184"/>
        <source>Состояние:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="187"/>
        <source>Родитель (законный представитель)</source>
        <translation>Parent (legal representative)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="193"/>
        <source>Сертификат</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="203"/>
        <source>Номер:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="204"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="205"/>
        <source>Номинал:</source>
        <translation>Nominal:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="206"/>
        <source>Остаток:</source>
        <translation>Balance:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="207"/>
        <source>Зарезервировано:</source>
        <translation>Reserved:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="216"/>
        <source>Заявки и зачисления</source>
        <translation>Applications and enrolments</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="221"/>
        <source>Заявок нет.</source>
        <translation>No applications.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="230"/>
        <source>Выберите ребёнка в списке, чтобы открыть его карточку.</source>
        <translation>Choose a child in the list to open the card.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="294"/>
        <source>У ребёнка нет сертификата</source>
        <translation>The child has no certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="297"/>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="300"/>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="319"/>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="431"/>
        <source>не указан</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="308"/>
        <source>в реестре портала</source>
        <translation>in the portal&apos;s registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="341"/>
        <source>Данные сертификата придут после заявки с его номером из заявления родителя.</source>
        <translation>The certificate&apos;s data will arrive after an application with its number from the parent&apos;s application.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="343"/>
        <source>Сертификата нет или портал ещё не прислал его данные.</source>
        <translation>No certificate, or the portal has not sent it yet.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="345"/>
        <source>Сертификата нет.</source>
        <translation>No certificate.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="355"/>
        <source>по данным на %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="357"/>
        <source>по данным последней синхронизации</source>
        <translation>as of the last sync</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="366"/>
        <source>с %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="368"/>
        <source>по %1</source>
        <translation>to %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="370"/>
        <source>заявка № %1</source>
        <translation>application No. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="373"/>
        <source>приказ № %1 от %2</source>
        <translation>order No. %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="379"/>
        <source>договор %1</source>
        <translation>contract %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="400"/>
        <source>%1: с %2%3 (%4)</source>
        <translation>%1: from %2%3 (%4)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="403"/>
        <source> по %1</source>
        <translation> to %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="408"/>
        <source>В журналах групп: %1</source>
        <translation>In group journals: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="426"/>
        <source>Вы ввели: %1, дата рождения %2, СНИЛС %3. Сверьте дату рождения, сертификат и СНИЛС с документами и выберите этого ребёнка — или создайте нового.</source>
        <translation>You entered: %1, born %2, SNILS %3. Check the date of birth, certificate and SNILS against the documents and choose the child — or create a new one.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="456"/>
        <source>Исправьте СНИЛС по документу ребёнка, если нужно, и отправьте запрос снова.</source>
        <translation>Correct the SNILS from the child&apos;s document if needed and send the request again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="460"/>
        <source>В запросе был СНИЛС %1. Если в нём ошибка, укажите верный СНИЛС и отправьте запрос снова: по другому СНИЛС портал отличит ребёнка от записи в реестре.</source>
        <translation>The request carried SNILS %1. If it is wrong, enter the right SNILS and send the request again: a different SNILS lets the portal tell the child apart from the registry record.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="465"/>
        <source>Если в реестре другой ребёнок с такими же ФИО и датой рождения, укажите СНИЛС вашего ребёнка и отправьте запрос снова: по СНИЛС портал отличит его и создаст новую запись.</source>
        <translation>If the registry child with the same full name and date of birth is someone else, enter your child&apos;s SNILS and send the request again: the portal will tell them apart by the SNILS and create a new record.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="515"/>
        <source>Укажите СНИЛС ребёнка по документу: 11 цифр, например 123-456-789 01.</source>
        <translation>Enter the child&apos;s SNILS from the document: 11 digits, e.g. 123-456-789 01.</translation>
    </message>
</context>
<context>
    <name>ChildrenPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="45"/>
        <source>Поиск: ФИО, дата рождения (12.03.2015), номер сертификата или СНИЛС</source>
        <translation>Search: name, date of birth (12.03.2015), certificate number or SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="51"/>
        <source>Новый ребёнок…</source>
        <translation>New child…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="53"/>
        <source>Импорт списка…</source>
        <translation>Import a list…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="54"/>
        <source>Загрузить список детей из Excel (.xlsx) или CSV</source>
        <translation>Load a list of children from Excel (.xlsx) or CSV</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="56"/>
        <source>Новая заявка…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="109"/>
        <source>Показаны первые %1: уточните поиск</source>
        <translation>First %1 shown: refine the search</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="111"/>
        <source>Найдено: %1</source>
        <translation>Found: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="113"/>
        <source>Детей: %1</source>
        <translation>Children: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="199"/>
        <source>Запрос на нового ребёнка сохранён: он уйдёт на портал при синхронизации.</source>
        <translation>New-child request saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="217"/>
        <source>Импорт списка: запросов на новых детей — %1; они уйдут на портал при синхронизации.</source>
        <translation>List import: %1 new-child requests; they go to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="227"/>
        <source>Экспорт списка детей в Excel</source>
        <translation>Export the children list to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="228"/>
        <source>Дети и сертификаты</source>
        <translation>Children and certificates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="238"/>
        <source>строк: %1</source>
        <translation>rows: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="257"/>
        <source>Заявка сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Application saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="292"/>
        <source>Выбор сохранён: портал получит его при синхронизации.</source>
        <translation>Choice saved: the portal gets it with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="294"/>
        <source>Будет создан новый ребёнок: портал получит запрос при синхронизации.</source>
        <translation>A new child will be created: the portal gets the request with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="312"/>
        <source>Запрос с СНИЛС уйдёт на портал снова при синхронизации.</source>
        <translation>The request with the SNILS will be sent to the portal again at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="340"/>
        <source>Запрос на нового ребёнка отменён: на портал он не уйдёт.</source>
        <translation>The new-child request is cancelled: it will not be sent to the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="344"/>
        <source>Выбор ребёнка отменён: выберите снова.</source>
        <translation>The choice of the child is cancelled: choose again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="349"/>
        <source>Изменение не сохранено из-за внутренней ошибки.</source>
        <translation>The change was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ChildrenTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="23"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="24"/>
        <source>Дата рождения</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="25"/>
        <source>Сертификат</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="26"/>
        <source>СНИЛС</source>
        <translation>SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="27"/>
        <source>Состояние</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="39"/>
        <source>тёзка: сверьте дату рождения и сертификат</source>
        <translation>namesake: check the date of birth and certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="41"/>
        <source>%1 тёзки: сверьте дату рождения и сертификат</source>
        <translation>%1 namesakes: check the date of birth and certificate</translation>
    </message>
</context>
<context>
    <name>CommonTexts</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="58"/>
        <source>Пн</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="59"/>
        <source>Вт</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="60"/>
        <source>Ср</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="61"/>
        <source>Чт</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="62"/>
        <source>Пт</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="63"/>
        <source>Сб</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="64"/>
        <source>Вс</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="84"/>
        <source>«%1»</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="92"/>
        <source>Нельзя %1 заявку в статусе «%2»: это возможно только для статуса %3</source>
        <translation>Cannot %1 an application whose status is “%2”: only possible with the status %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="109"/>
        <source>ожидает отправки: %1</source>
        <translation>waiting to be sent: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="124"/>
        <source>ждёт ответа портала</source>
        <translation>waits for the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="125"/>
        <source>выберите ребёнка</source>
        <translation>choose the child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="126"/>
        <source>отклонён порталом</source>
        <translation>refused by the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="127"/>
        <source>уже есть в реестре</source>
        <translation>already in the registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="135"/>
        <source>бесплатно</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="151"/>
        <source>: сертификат %1 + родитель %2</source>
        <translation>: certificate %1 + parent %2</translation>
    </message>
</context>
<context>
    <name>ConflictTable</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="328"/>
        <source>Поле</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="328"/>
        <source>Черновик на ПК</source>
        <translation>Draft on this PC</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="328"/>
        <source>На портале</source>
        <translation>On the portal</translation>
    </message>
</context>
<context>
    <name>CrashHook</name>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="92"/>
        <source>Произошла непредвиденная ошибка.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="95"/>
        <source>Ваши данные сохранены. Подробности записаны в журнал программы:
%1
Отправьте этот файл в службу поддержки.</source>
        <translation>Your data are saved. The details are in the program log:
%1
Please send this file to support.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="151"/>
        <source>ДД.ММ.ГГГГ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="153"/>
        <source>Выбрать дату в календаре (F4)</source>
        <translation>Pick the date in a calendar (F4)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="190"/>
        <source>Дата введена не полностью: нужны день, месяц и год — ДД.ММ.ГГГГ, например 05.03.2016.</source>
        <translation>The date is incomplete: day, month and year are needed — DD.MM.YYYY, e.g. 05.03.2016.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="193"/>
        <source>Такой даты нет: %1. Проверьте день и месяц.</source>
        <translation>There is no such date: %1. Check the day and the month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="195"/>
        <source>Дата не может быть раньше %1.</source>
        <translation>The date cannot be before %1.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="197"/>
        <source>Дата не может быть позже %1.</source>
        <translation>The date cannot be after %1.</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="104"/>
        <source>техническая</source>
        <translation>technical</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="105"/>
        <source>естественнонаучная</source>
        <translation>natural science</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="106"/>
        <source>физкультурно-спортивная</source>
        <translation>physical culture and sport</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="107"/>
        <source>художественная</source>
        <translation>arts</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="108"/>
        <source>туристско-краеведческая</source>
        <translation>tourism and local history</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="109"/>
        <source>социально-гуманитарная</source>
        <translation>social and humanitarian</translation>
    </message>
</context>
<context>
    <name>Disability</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="145"/>
        <source>нарушения слуха</source>
        <translation>hearing impairment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="146"/>
        <source>нарушения зрения</source>
        <translation>visual impairment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="147"/>
        <source>нарушения речи</source>
        <translation>speech impairment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="148"/>
        <source>нарушения опорно-двигательного аппарата</source>
        <translation>musculoskeletal disorders</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="149"/>
        <source>нарушения интеллекта</source>
        <translation>intellectual disability</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="150"/>
        <source>расстройства аутистического спектра</source>
        <translation>autism spectrum disorders</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="151"/>
        <source>задержка психического развития</source>
        <translation>developmental delay</translation>
    </message>
</context>
<context>
    <name>DocumentKind</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="101"/>
        <source>свидетельство о рождении</source>
        <translation>birth certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="102"/>
        <source>паспорт гражданина РФ</source>
        <translation>Russian passport</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="103"/>
        <source>документ иностранного гражданина</source>
        <translation>foreign citizen&apos;s document</translation>
    </message>
</context>
<context>
    <name>EndReason</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="90"/>
        <source>Завершение обучения</source>
        <translation>Completed the programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="91"/>
        <source>По заявлению родителя (законного представителя)</source>
        <translation>At the request of the parent (legal guardian)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="92"/>
        <source>Переезд</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="93"/>
        <source>По состоянию здоровья</source>
        <translation>For health reasons</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="94"/>
        <source>Иная причина</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="95"/>
        <source>Перевод в другую группу</source>
        <translation>Transfer to another group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="96"/>
        <source>Расторжение договора по заявлению родителя (законного представителя)</source>
        <translation>Contract terminated at the request of the parent (legal guardian)</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="33"/>
        <source>Подключение к порталу ПФДО</source>
        <translation>Connect to the PFDO portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="38"/>
        <source>Этот компьютер ещё не подключён к региональному порталу. Введите адрес портала и одноразовый код подключения, который выдал муниципальный опорный центр.</source>
        <translation>This computer is not connected to the regional portal yet. Enter the portal address and the one-time enrolment code issued by the municipal support centre.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="47"/>
        <source>Подключить</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="50"/>
        <source>Адрес портала:</source>
        <translation>Portal address:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="51"/>
        <source>Код подключения:</source>
        <translation>Enrolment code:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="74"/>
        <source>Введите код подключения.</source>
        <translation>Enter the enrolment code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="86"/>
        <source>Подключение…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="105"/>
        <source>Подключение не удалось из-за внутренней ошибки.</source>
        <translation>Connecting failed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ExportToExcel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="26"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="27"/>
        <source>Сохранить то, что показано на экране, в файл Excel (.xlsx)</source>
        <translation>Save what the screen shows to an Excel file (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="34"/>
        <source>Книга Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="57"/>
        <source>Сохраняю %1…</source>
        <translation>Saving %1…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="66"/>
        <source>Сохранено: %1 (%2)</source>
        <translation>Saved: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="72"/>
        <source>Не удалось сохранить %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="77"/>
        <source>Файл не сохранён из-за внутренней ошибки.</source>
        <translation>The file was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="82"/>
        <source>Файл со списком детей</source>
        <translation>File with the list of children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="85"/>
        <source>Книга Excel (.xlsx) или CSV. Первая строка — заголовки столбцов: ФИО (или фамилия, имя, отчество), дата рождения, СНИЛС, номер сертификата, представитель, телефон, e-mail.</source>
        <translation>An Excel workbook (.xlsx) or CSV. The first row holds the column headers: full name (or surname, first name, patronymic), date of birth, SNILS, certificate number, representative, phone, e-mail.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="90"/>
        <source>Путь к файлу .xlsx или .csv</source>
        <translation>Path to an .xlsx or .csv file</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="92"/>
        <source>Выбрать файл…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="100"/>
        <source>Читаю файл…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="126"/>
        <source>Список детей</source>
        <translation>List of children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="128"/>
        <source>Таблицы (*.xlsx *.xlsm *.csv *.txt);;Все файлы (*)</source>
        <translation>Tables (*.xlsx *.xlsm *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="161"/>
        <source>В файле «%1» нет строк с детьми под заголовками.</source>
        <translation>The file “%1” has no rows of children under the headers.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="173"/>
        <source>Файл не прочитан из-за внутренней ошибки.</source>
        <translation>The file was not read because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="184"/>
        <source>Файл не загружен</source>
        <translation>File not loaded</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="185"/>
        <source>Ничего не изменено. Исправьте файл и выберите его снова.</source>
        <translation>Nothing was changed. Fix the file and choose it again.</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="65"/>
        <source>Проверьте, что компьютер подключён к интернету и адрес набран без ошибок. Если интернета сейчас нет, нажмите «Назад», затем «Позже»: журнал работает и без подключения.</source>
        <translation>Check that the computer is connected to the internet and the address is typed correctly. If there is no internet now, press “Back”, then “Later”: the journal works without a connection.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="70"/>
        <source>По этому адресу отвечает не портал ПФДО. Проверьте адрес: его выдаёт муниципальный опорный центр вместе с кодом.</source>
        <translation>Something other than a PFDO portal answers at this address. Check the address: the municipal support centre gives it with the code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="75"/>
        <source>Проверьте код: латинские буквы и цифры, как в письме или на листке. Если он набран верно, попросите новый код.</source>
        <translation>Check the code: Latin letters and digits, as in the letter or on the sheet. If it is typed correctly, ask for a new code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="80"/>
        <source>Каждый код подключения действует один раз и недолго: попросите новый код в муниципальном опорном центре.</source>
        <translation>Each connection code works once and not for long: ask the municipal support centre for a new code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="90"/>
        <source>Введите адрес портала.</source>
        <translation>Enter the portal&apos;s address.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="93"/>
        <source>Адрес портала должен начинаться с http:// или https://, например https://pfdo.example.ru</source>
        <translation>The portal&apos;s address must start with http:// or https://, for example https://pfdo.example.ru</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="115"/>
        <source>Начало работы — PFDO Desktop</source>
        <translation>Getting started — PFDO Desktop</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="129"/>
        <source>Добро пожаловать в PFDO Desktop</source>
        <translation>Welcome to PFDO Desktop</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="132"/>
        <source>Программа ведёт журнал посещаемости, заявки и карточки программ на этом компьютере и работает без интернета. Чтобы получить свои группы и детей, подключите компьютер к региональному порталу ПФДО.</source>
        <translation>The program keeps the attendance journal, applications and programme cards on this computer and works without the internet. To get your groups and children, connect the computer to the regional PFDO portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="137"/>
        <source>Подключить к порталу</source>
        <translation>Connect to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="138"/>
        <source>Нужны адрес портала и одноразовый код подключения: их выдаёт муниципальный опорный центр.</source>
        <translation>You need the portal&apos;s address and a one-time connection code: the municipal support centre gives them.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="143"/>
        <source>Открыть учебный портал</source>
        <translation>Open the training portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="144"/>
        <source>Демонстрационный район на этом компьютере: можно попробовать всё. Учебные данные хранятся отдельно и никуда не отправляются.</source>
        <translation>A demo district on this computer: you can try everything. The training data are kept apart and sent nowhere.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="148"/>
        <source>Позже</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="150"/>
        <source>Журнал работает и без подключения; подключить компьютер можно кнопкой «Подключить к порталу…» на панели инструментов.</source>
        <translation>The journal works without a connection too; connect the computer later with “Connect to the portal…” on the toolbar.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="181"/>
        <source>Подключение к порталу</source>
        <translation>Connecting to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="184"/>
        <source>Введите адрес регионального портала и одноразовый код подключения. Код действует один раз; если он не подходит, попросите новый в муниципальном опорном центре.</source>
        <translation>Enter the regional portal&apos;s address and the one-time connection code. A code works once; if it does not fit, ask the municipal support centre for a new one.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="190"/>
        <source>Проверить соединение</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="204"/>
        <source>Адрес портала:</source>
        <translation>Portal address:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="206"/>
        <source>Код подключения:</source>
        <translation>Enrolment code:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="207"/>
        <source>Назад</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="209"/>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="288"/>
        <source>Подключить</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="248"/>
        <source>Проверяю…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="253"/>
        <source>Портал «%1» отвечает (%2 мс). Введите код подключения.</source>
        <translation>Portal “%1” answers (%2 ms). Enter the connection code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="276"/>
        <source>Введите код подключения.</source>
        <translation>Enter the enrolment code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="288"/>
        <source>Подключение…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="305"/>
        <source>Подключение не удалось из-за внутренней ошибки.</source>
        <translation>Connecting failed because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="312"/>
        <source>Портал по адресу %1 не отвечает.</source>
        <translation>The portal at %1 does not answer.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="329"/>
        <source>Повторить</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="332"/>
        <source>Открыть журнал</source>
        <translation>Open the journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="352"/>
        <source>Компьютер подключён: %1</source>
        <translation>Computer connected: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="353"/>
        <source>Загружаю группы, детей и расписание с портала…</source>
        <translation>Loading groups, children and the schedule from the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="383"/>
        <source>Готово: данные загружены</source>
        <translation>Done: the data are loaded</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="385"/>
        <source>Получено записей: %1, групп: %2. Отметки, которые вы поставите, сохраняются на этом компьютере и отправляются на портал при синхронизации.</source>
        <translation>Records received: %1, groups: %2. The marks you set are kept on this computer and sent to the portal when you sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="394"/>
        <source>Синхронизация не удалась из-за внутренней ошибки.</source>
        <translation>Synchronisation failed because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="399"/>
        <source>Компьютер подключён, но данные ещё не загружены</source>
        <translation>The computer is connected, but the data are not loaded yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="401"/>
        <source>Можно повторить сейчас или открыть журнал: данные загрузятся при следующей синхронизации (кнопка «Синхронизировать»).</source>
        <translation>You can retry now or open the journal: the data will load at the next sync (the “Synchronise” button).</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/dialog.py" line="57"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/dialog.py" line="79"/>
        <source>Изменение не сохранено из-за внутренней ошибки.</source>
        <translation>The change was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/dialog.py" line="82"/>
        <source>Сохраняю…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="66"/>
        <source>Программа:</source>
        <translation>Programme:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="67"/>
        <source>Педагог:</source>
        <translation>Teacher:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="87"/>
        <source>Все программы</source>
        <translation>All programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="88"/>
        <source>Все педагоги</source>
        <translation>All teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="110"/>
        <source>Групп: %1</source>
        <translation>Groups: %1</translation>
    </message>
</context>
<context>
    <name>GroupsTab</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="63"/>
        <source>Добавить группу</source>
        <translation>Add group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="65"/>
        <source>Удалить группу</source>
        <translation>Delete group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="67"/>
        <source>Сохранить группу</source>
        <translation>Save group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="69"/>
        <source>Группа и её расписание уходят на портал при синхронизации, без модерации</source>
        <translation>The group and its schedule go to the portal with the next sync, without moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="76"/>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="248"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="78"/>
        <source>Например: Робототехника-1</source>
        <translation>E.g. Robotics-1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="97"/>
        <source>Название:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="101"/>
        <source>с</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="103"/>
        <source>по</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="106"/>
        <source>Сроки занятий:</source>
        <translation>Class dates:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="107"/>
        <source>Мест:</source>
        <translation>Places:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="108"/>
        <source>Педагог:</source>
        <translation>Teacher:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="129"/>
        <source>Модуль:</source>
        <translation>Module:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="158"/>
        <source>(без названия)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="188"/>
        <source>Добавьте модуль на вкладке «Модули».</source>
        <translation>Add a module on the “Modules” tab.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="192"/>
        <source>Группы добавляются к модулю опубликованной программы: отправьте карточку на модерацию, а после публикации добавьте группы.</source>
        <translation>Groups are added to a module of a published programme: submit the card for moderation and add groups after publication.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="199"/>
        <source>Группы не входят в черновик карточки: каждую сохраняйте кнопкой «Сохранить группу» — она уйдёт на портал при синхронизации, без модерации.</source>
        <translation>Groups are not part of the card&apos;s draft: save each with “Save group” — it goes to the portal with the next sync, without moderation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="216"/>
        <source>изменена — нажмите «Сохранить группу»</source>
        <translation>changed — press “Save group”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="218"/>
        <source>ожидает отправки</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="246"/>
        <source>Группа «%1»</source>
        <translation>Group “%1”</translation>
    </message>
</context>
<context>
    <name>GroupsTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="17"/>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="225"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="18"/>
        <source>Программа</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="19"/>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="228"/>
        <source>Педагог</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="20"/>
        <source>Детей</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="21"/>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="229"/>
        <source>Расписание</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="48"/>
        <source>%1
Модуль: %2
Занятия: %3
с %4 по %5</source>
        <translation>%1
Module: %2
Lessons: %3
from %4 to %5</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="226"/>
        <source>Сроки</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="227"/>
        <source>Мест</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="230"/>
        <source>Замечание</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/help_window.py" line="150"/>
        <source>Руководство — PFDO Desktop</source>
        <translation>User guide — PFDO Desktop</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/help_window.py" line="184"/>
        <source>Руководство не найдено (%1).</source>
        <translation>The user guide was not found (%1).</translation>
    </message>
</context>
<context>
    <name>IndicatorTitles</name>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="124"/>
        <source>Детей 5–18 лет в территории</source>
        <translation>Children aged 5–18 in the territory</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="125"/>
        <source>Выдано сертификатов (доля от детей 5–18 лет)</source>
        <translation>Certificates issued (share of children aged 5–18)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="127"/>
        <source>из них ПФ</source>
        <translation>of them PF</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="128"/>
        <source>из них учёта</source>
        <translation>of them registration</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="129"/>
        <source>Номинал сертификатов</source>
        <translation>Certificates&apos; nominal value</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="130"/>
        <source>Номинал сертификатов, ч</source>
        <translation>Certificates&apos; nominal value, h</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="132"/>
        <source>Используются (доля от выданных)</source>
        <translation>In use (share of issued)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="133"/>
        <source>Обучаются на 1 программе</source>
        <translation>Studying in 1 programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="134"/>
        <source>Обучаются на 2 программах</source>
        <translation>Studying in 2 programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="135"/>
        <source>Обучаются на 3 и более программах</source>
        <translation>Studying in 3 or more programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="137"/>
        <source>Охват детей 5–17 лет (доля от детей 5–18 лет)</source>
        <translation>Children aged 5–17 covered (share of children aged 5–18)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="139"/>
        <source>Мест в группах</source>
        <translation>Places in groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="140"/>
        <source>Занято мест (наполняемость)</source>
        <translation>Places taken (occupancy)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="146"/>
        <source>Программ: %1</source>
        <translation>Programmes: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="149"/>
        <source>Детей: %1</source>
        <translation>Children: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="152"/>
        <source>Заявок: %1</source>
        <translation>Applications: %1</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="193"/>
        <source>Отчёт для подписи…</source>
        <translation>Report to sign…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="194"/>
        <source>Одна страница: показатели и графики, подпись руководителя</source>
        <translation>One page: the indicators and the charts, signed by the head</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="197"/>
        <source>Месяц:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="206"/>
        <source>Показатель</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="206"/>
        <source>За месяц</source>
        <translation>For the month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="206"/>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="207"/>
        <source>Доля</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="207"/>
        <source>С начала года</source>
        <translation>Year to date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="253"/>
        <source>Считаю показатели за %1…</source>
        <translation>Computing the indicators for %1…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="276"/>
        <source>по данным на %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="277"/>
        <source>портал ещё не синхронизирован: показаны данные этого ПК</source>
        <translation>not synced with the portal yet: this PC&apos;s data</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="341"/>
        <source>Экспорт показателей в Excel</source>
        <translation>Export the indicators to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="342"/>
        <source>Показатели</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="351"/>
        <source>листов: %1</source>
        <translation>sheets: %1</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="93"/>
        <source>Нет замечаний: портал принял все изменения.</source>
        <translation>Nothing to review: the portal accepted every change.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="95"/>
        <source>Отметить как прочитанное</source>
        <translation>Mark as read</translation>
    </message>
</context>
<context>
    <name>IssuesTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="32"/>
        <source>Когда</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="33"/>
        <source>Что случилось</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="34"/>
        <source>Причина (ответ портала)</source>
        <translation>Reason (the portal&apos;s answer)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="35"/>
        <source>Что делать</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="36"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="60"/>
        <source>Код причины (для службы поддержки): %1</source>
        <translation>Reason code (for support): %1</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="66"/>
        <source>н</source>
        <comment>«absent» in a cell</comment>
        <translation>a</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="67"/>
        <source>б</source>
        <comment>«ill» in a cell</comment>
        <translation>i</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="68"/>
        <source>у</source>
        <comment>«excused» in a cell</comment>
        <translation>e</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="75"/>
        <source>был</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="76"/>
        <source>не был</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="77"/>
        <source>болел</source>
        <translation>ill</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="78"/>
        <source>уважительная причина</source>
        <translation>excused</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="86"/>
        <source>Занятие не проведено по вине исполнителя</source>
        <translation>Lesson not held through the provider&apos;s fault</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="89"/>
        <source>Занятие перенесено с %1</source>
        <translation>Lesson moved from %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="244"/>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="278"/>
        <source>сегодня</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="247"/>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="271"/>
        <source>занятия нет в новом расписании; оставлено, потому что есть отметки</source>
        <translation>not in the new schedule; kept because it has marks</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="280"/>
        <source>будущее занятие: в итоги войдёт, когда пройдёт</source>
        <translation>future lesson: counted in the totals once it is held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="284"/>
        <source>Был на занятиях / проведено занятий (будущие не считаются)</source>
        <translation>Attended / lessons held (future ones not counted)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="293"/>
        <source>Присутствовали</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="296"/>
        <source>Дата рождения: %1</source>
        <translation>Date of birth: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="302"/>
        <source>Сертификат № %1</source>
        <translation>Certificate No. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="306"/>
        <source>В группе с %1</source>
        <translation>In the group since %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="311"/>
        <source>по %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="336"/>
        <source>Занятие ещё не прошло</source>
        <translation>The lesson has not been held yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="375"/>
        <source> — отметки на нём не ставятся</source>
        <translation> — no marks are set on it</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="378"/>
        <source>%1 ребёнок не числился в группе</source>
        <translation>On %1 the child was not a member of the group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="383"/>
        <source>месяц закрыт для оплаты: отметки не меняются</source>
        <translation>the month is closed for payment: its marks no longer change</translation>
    </message>
</context>
<context>
    <name>JournalPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="150"/>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="276"/>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="337"/>
        <source>Выберите группу слева</source>
        <translation>Choose a group on the left</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="163"/>
        <source>Предыдущий месяц</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="167"/>
        <source>Следующий месяц</source>
        <translation>Next month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="176"/>
        <source>Печать журнала</source>
        <translation>Print journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="178"/>
        <source>Журнал посещаемости группы за этот месяц: предпросмотр и печать (Ctrl+P)</source>
        <translation>The group&apos;s attendance journal for this month: preview and print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="183"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="184"/>
        <source>Журнал группы за этот месяц в файл Excel (.xlsx); стрелка — все группы за месяц, лист на группу</source>
        <translation>The group&apos;s journal for this month to an Excel file (.xlsx); the arrow: every group of the month, a sheet per group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="188"/>
        <source>Эта группа за месяц…</source>
        <translation>This group for the month…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="190"/>
        <source>Все группы за месяц…</source>
        <translation>All groups for the month…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="286"/>
        <source>с %1 по %2</source>
        <translation>from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="342"/>
        <source>ПК не подключён к порталу</source>
        <translation>This PC is not connected to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="343"/>
        <source>Групп пока нет</source>
        <translation>No groups yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="344"/>
        <source>Загружаю группы с портала…</source>
        <translation>Loading groups from the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="352"/>
        <source>Подключите ПК к порталу: нажмите «Подключить к порталу…» и введите одноразовый код, который выдаёт муниципальный опорный центр. После подключения группы загрузятся с портала.</source>
        <translation>Connect this PC to the portal: click &quot;Connect to the portal…&quot; and enter the one-time code issued by the municipal support centre. Once connected, the groups will be loaded from the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="356"/>
        <source>Подключить к порталу…</source>
        <translation>Connect to the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="360"/>
        <source>Групп пока нет. Нажмите «Синхронизировать», чтобы загрузить группы с портала.</source>
        <translation>No groups yet. Click &quot;Synchronise&quot; to load the groups from the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="364"/>
        <source>⟳ Синхронизировать</source>
        <translation>⟳ Synchronise</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="368"/>
        <source>Идёт первая синхронизация: группы, дети и расписания загружаются с портала. Ход загрузки — внизу окна.</source>
        <translation>The first synchronisation is running: groups, children and schedules are being loaded from the portal. Progress is shown at the bottom of the window.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="394"/>
        <source>Занятие %1 не проведено по вине исполнителя: отметки на нём не ставятся. Если занятие было, отметьте его проведённым (меню заголовка столбца) и повторите отметку.</source>
        <translation>The lesson of %1 was not held through the provider&apos;s fault: no marks are set on it. If the lesson took place, mark it as held (the column header&apos;s menu) and set the mark again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="399"/>
        <source>Месяц %1 уже закрыт для оплаты: отметки за него не меняются. Если отметка неверна, обратитесь в уполномоченную организацию.</source>
        <translation>The month %1 is already closed for payment: its marks no longer change. If a mark is wrong, contact the authorised organisation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="403"/>
        <source>%1 ребёнок не числился в группе: отметку поставить нельзя.</source>
        <translation>On %1 the child was not a member of the group: no mark can be set.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="431"/>
        <source>Отметка не сохранена из-за внутренней ошибки.</source>
        <translation>The mark was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="472"/>
        <source>Очистить   (Delete)</source>
        <translation>Clear   (Delete)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="494"/>
        <source>Занятие не проведено по вине исполнителя…</source>
        <translation>Lesson not held through the provider&apos;s fault…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="497"/>
        <source>Перенести занятие на…</source>
        <translation>Move the lesson to…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="499"/>
        <source>Занятие проведено</source>
        <translation>Lesson held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="556"/>
        <source>Состояние занятия не сохранено из-за внутренней ошибки.</source>
        <translation>The lesson&apos;s state was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="589"/>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="591"/>
        <source>Журнал</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="589"/>
        <source>все группы</source>
        <translation>all groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="592"/>
        <source>Экспорт журнала в Excel</source>
        <translation>Export the journal to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="604"/>
        <source>групп: %1</source>
        <translation>groups: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="638"/>
        <source>Выберите группу в списке слева, чтобы открыть журнал.</source>
        <translation>Choose a group in the list on the left to open its journal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="640"/>
        <source>В этом месяце в группе нет детей.</source>
        <translation>The group has no children this month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="642"/>
        <source>В этом месяце у группы нет занятий по расписанию.</source>
        <translation>The group has no scheduled lessons this month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="669"/>
        <source>Пробел — был, Delete — очистить, двойной щелчок — следующая отметка, правая кнопка — меню. Серые клетки — ребёнок не числился в группе.</source>
        <translation>Space — present, Delete — clear, double click — next mark, right button — menu. Grey cells — the child was not a member of the group.</translation>
    </message>
</context>
<context>
    <name>MainTab</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="75"/>
        <source>Как в приказе об утверждении программы</source>
        <translation>As in the order approving the programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="77"/>
        <source>Для списков и журнала</source>
        <translation>For lists and the journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="79"/>
        <source>О чём программа: для родителей на портале</source>
        <translation>What the programme is about: for parents on the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="81"/>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="85"/>
        <source>— выберите —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="82"/>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="84"/>
        <source>— не указан —</source>
        <translation>— not set —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="83"/>
        <source>— не указана —</source>
        <translation>— not set —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="91"/>
        <source>Полных лет: от %1 до %2</source>
        <translation>Full years: from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="97"/>
        <source> нед.</source>
        <translation> wk</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="100"/>
        <source>Нужна медицинская справка</source>
        <translation>Medical certificate required</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="105"/>
        <source>Добавить адрес</source>
        <translation>Add address</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="105"/>
        <source>Адрес, где идут занятия</source>
        <translation>Address where classes take place</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="107"/>
        <source>Добавить педагога</source>
        <translation>Add teacher</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="107"/>
        <source>ФИО педагога</source>
        <translation>Teacher&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="130"/>
        <source>Полное название:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="131"/>
        <source>Краткое название:</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="132"/>
        <source>Аннотация:</source>
        <translation>Annotation:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="133"/>
        <source>Направленность:</source>
        <translation>Direction:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="134"/>
        <source>Вид:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="135"/>
        <source>Форма обучения:</source>
        <translation>Form of study:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="136"/>
        <source>Уровень:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="137"/>
        <source>Реестр:</source>
        <translation>Registry:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="141"/>
        <source>от</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="143"/>
        <source>до</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="145"/>
        <source>лет (включительно)</source>
        <translation>years (inclusive)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="147"/>
        <source>Возраст детей:</source>
        <translation>Children&apos;s age:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="148"/>
        <source>Продолжительность:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="153"/>
        <source>Принимает детей с ОВЗ</source>
        <translation>Accepts children with disabilities</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="160"/>
        <source>Адреса:</source>
        <translation>Addresses:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="161"/>
        <source>Педагоги:</source>
        <translation>Teachers:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="75"/>
        <source>Главная</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="80"/>
        <source>⟳ Синхронизировать</source>
        <translation>⟳ Synchronise</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="82"/>
        <source>Отправить отметки на портал и получить изменения (F5)</source>
        <translation>Send the marks to the portal and receive changes (F5)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="85"/>
        <source>Подключить к порталу…</source>
        <translation>Connect to the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="90"/>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="295"/>
        <source>Требует внимания: %1</source>
        <translation>Needs attention: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="119"/>
        <source>Журнал</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="120"/>
        <source>Дети и сертификаты</source>
        <translation>Children and certificates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="121"/>
        <source>Заявки</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="122"/>
        <source>Программы</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="123"/>
        <source>Оплата</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="124"/>
        <source>Показатели</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="137"/>
        <source>Печать…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="155"/>
        <source>Требует внимания</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="176"/>
        <source>Отменить</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="296"/>
        <source>Изменения, которые портал не принял, и что с ними делать</source>
        <translation>Changes the portal did not accept, and what to do about them</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="319"/>
        <source>ПК не подключён к порталу</source>
        <translation>This PC is not connected to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="322"/>
        <source>Не отправлено: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="326"/>
        <source>Синхронизация: %1</source>
        <translation>Synchronised: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="328"/>
        <source>Синхронизаций ещё не было</source>
        <translation>Never synchronised</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="336"/>
        <source>(демо)</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="366"/>
        <source>&amp;Файл</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="368"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="371"/>
        <source>Резервные копии…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="375"/>
        <source>Выход</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="379"/>
        <source>&amp;Сервис</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="382"/>
        <source>Настройки…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="385"/>
        <source>С&amp;правка</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="386"/>
        <source>Руководство</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="390"/>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="493"/>
        <source>Горячие клавиши</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="393"/>
        <source>Журнал программы</source>
        <translation>Application log</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="396"/>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="429"/>
        <source>На этом экране выгружать в Excel нечего.</source>
        <translation>This screen has nothing to export to Excel.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="463"/>
        <source>Язык интерфейса сменится после перезапуска программы.</source>
        <translation>The interface language changes after a restart.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="466"/>
        <source>Данные перенесены в папку %1; программа работает с ней.</source>
        <translation>The data were moved to the folder %1; the program works with it now.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="471"/>
        <source>ПК отключён от портала. Данные сохранены на этом ПК; подключить его снова можно кнопкой «Подключить к порталу…».</source>
        <translation>The PC is disconnected from the portal. The data are kept on this PC; connect it again with “Connect to the portal…”.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="489"/>
        <source>Журнал, Дети, Заявки, Программы, Оплата, Показатели</source>
        <translation>Journal, Children, Applications, Programmes, Payment, Indicators</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="490"/>
        <source>Синхронизировать</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="490"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="491"/>
        <source>был, не был, болел, уважительная причина (в журнале)</source>
        <translation>present, absent, ill, excused (in the journal)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="492"/>
        <source>Пробел</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="492"/>
        <source>был</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="492"/>
        <source>очистить отметку</source>
        <translation>clear the mark</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="562"/>
        <source>Группа не найдена в списке: сбросьте фильтры групп.</source>
        <translation>The group is not in the list: reset the group filters.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="592"/>
        <source>Синхронизация…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="623"/>
        <source>Останавливаю синхронизацию…</source>
        <translation>Stopping the synchronisation…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="646"/>
        <source>Синхронизация завершена: отправлено %1, получено %2, отклонено %3</source>
        <translation>Synchronisation finished: %1 sent, %2 received, %3 rejected</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="659"/>
        <source>Синхронизация не удалась: %1</source>
        <translation>Synchronisation failed: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="661"/>
        <source>Синхронизация не удалась из-за внутренней ошибки.</source>
        <translation>Synchronisation failed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="195"/>
        <source>Столбцы</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="198"/>
        <source>Укажите, в каком столбце файла что записано. Обязательны ФИО (или фамилия и имя) и дата рождения; остальное — если есть.</source>
        <translation>Say which column of the file holds what. The full name (or surname and first name) and the date of birth are required; the rest if present.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="236"/>
        <source>Сопоставление из прошлого импорта файла с такими же столбцами.</source>
        <translation>Mapping from the last import of a file with the same columns.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="238"/>
        <source>Столбцы угаданы по заголовкам — проверьте.</source>
        <translation>Columns guessed from the headers — check them.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="244"/>
        <source>— нет в файле —</source>
        <translation>— not in the file —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="249"/>
        <source>%1: «%2»</source>
        <translation>%1: “%2”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="251"/>
        <source> (например, %1)</source>
        <translation> (e.g. %1)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="279"/>
        <source>Не выбраны обязательные столбцы: %1. Без них строки не проверить.</source>
        <translation>Required columns not chosen: %1. Rows cannot be checked without them.</translation>
    </message>
</context>
<context>
    <name>MembershipStatus</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="122"/>
        <source>обучается</source>
        <translation>studying</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="123"/>
        <source>отчислен</source>
        <translation>expelled</translation>
    </message>
</context>
<context>
    <name>ModulesTab</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="64"/>
        <source>Добавить модуль</source>
        <translation>Add module</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="66"/>
        <source>Удалить модуль</source>
        <translation>Delete module</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="70"/>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="182"/>
        <source>Модуль (год обучения)</source>
        <translation>Module (year of study)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="72"/>
        <source>Например: 1-й год обучения</source>
        <translation>E.g. 1st year of study</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="76"/>
        <source> ч</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="89"/>
        <source>бесплатно</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="101"/>
        <source>Название:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="103"/>
        <source>Часов:</source>
        <translation>Hours:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="107"/>
        <source>от</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="109"/>
        <source>до</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="112"/>
        <source>Детей в группе:</source>
        <translation>Children per group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="113"/>
        <source>Цена:</source>
        <translation>Price:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="114"/>
        <source>Нормативная стоимость:</source>
        <translation>Normative cost:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="117"/>
        <source>Цена не выше нормативной стоимости × %1 (предел региона)</source>
        <translation>Price not above the normative cost × %1 (the region&apos;s cap)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="180"/>
        <source>Модуль %1</source>
        <translation>Module %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="261"/>
        <source>есть замечания в группах: вкладка «Группы»</source>
        <translation>problems in groups: see the “Groups” tab</translation>
    </message>
</context>
<context>
    <name>ModulesTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="186"/>
        <source>Модуль</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="187"/>
        <source>Часов</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="188"/>
        <source>Детей в группе</source>
        <translation>Children per group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="189"/>
        <source>Цена</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="190"/>
        <source>Нормативная стоимость</source>
        <translation>Normative cost</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="191"/>
        <source>Групп</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="192"/>
        <source>Замечание</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>MoveLessonDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="74"/>
        <source>Перенос занятия</source>
        <translation>Move a lesson</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="75"/>
        <source>Перенести занятие %1 на другой день. Отметки детей ставятся в день, на который занятие перенесено.</source>
        <translation>Move the lesson of %1 to another day. Children&apos;s marks are set on the day the lesson is moved to.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="82"/>
        <source>Причина (необязательно)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="83"/>
        <source>Новая дата:</source>
        <translation>New date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="96"/>
        <source>Укажите дату, на которую переносится занятие.</source>
        <translation>Give the date the lesson is moved to.</translation>
    </message>
</context>
<context>
    <name>NewApplicationDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="94"/>
        <source>Новая заявка</source>
        <translation>New application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="99"/>
        <source>ФИО, дата рождения, сертификат или СНИЛС</source>
        <translation>Name, date of birth, certificate or SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="115"/>
        <source>10 цифр из заявления родителя</source>
        <translation>10 digits from the parent&apos;s application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="140"/>
        <source>Подать заявку</source>
        <translation>Submit application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="143"/>
        <source>Найти ребёнка:</source>
        <translation>Find a child:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="144"/>
        <source>Ребёнок:</source>
        <translation>Child:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="145"/>
        <source>Группа:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="147"/>
        <source>Дата начала обучения:</source>
        <translation>Start date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="148"/>
        <source>Номер сертификата:</source>
        <translation>Certificate number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="149"/>
        <source>Предварительная проверка (окончательно решает портал):</source>
        <translation>Pre-check (the portal makes the final decision):</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="183"/>
        <source>— выберите группу —</source>
        <translation>— choose a group —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="208"/>
        <source>— найдите ребёнка по ФИО, дате рождения или сертификату —</source>
        <translation>— find a child by name, date of birth or certificate —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="210"/>
        <source>— никого не нашлось —</source>
        <translation>— nobody found —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="300"/>
        <source>Номер сертификата — ровно 10 цифр, а введено %1: сверьте с заявлением родителя</source>
        <translation>A certificate number has exactly 10 digits, %1 entered: check it against the parent&apos;s application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="321"/>
        <source>Совпадает с номером сертификата ребёнка на этом ПК.</source>
        <translation>Matches the child&apos;s certificate number on this PC.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="323"/>
        <source>Номер сверит портал при подаче заявки.</source>
        <translation>The portal will check the number when the application is sent.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="325"/>
        <source>Обязательно: номер из заявления родителя.</source>
        <translation>Required: the number from the parent&apos;s application.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="327"/>
        <source>Для этой программы номер можно не указывать.</source>
        <translation>For this programme the number may be left empty.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="339"/>
        <source>Выберите ребёнка.</source>
        <translation>Choose a child.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="339"/>
        <source>Выберите группу.</source>
        <translation>Choose a group.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="346"/>
        <source>Укажите дату начала обучения (ДД.ММ.ГГГГ).</source>
        <translation>Enter the start date (DD.MM.YYYY).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="350"/>
        <source>Дата начала обучения: %1</source>
        <translation>Start date: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="375"/>
        <source>занятия с %1 по %2</source>
        <translation>classes from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="390"/>
        <source>Свободных мест: %1 из %2.</source>
        <translation>Free places: %1 of %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="397"/>
        <source>Заявку не примут — причин: %1</source>
        <translation>The application will be refused — reasons: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="400"/>
        <source>Что делать:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="417"/>
        <source>Ребёнка можно записать в эту группу.</source>
        <translation>The child can be enrolled in this group.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="426"/>
        <source>Стоимость по договору</source>
        <translation>Contract price</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="427"/>
        <source>за %1 мес.</source>
        <translation>for %1 months</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="429"/>
        <source>Оплачивает сертификат</source>
        <translation>Paid by the certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="430"/>
        <source>Доплачивает родитель</source>
        <translation>Paid by the parent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="431"/>
        <source>Остаток сертификата после резерва</source>
        <translation>Certificate balance after the reserve</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="436"/>
        <source>По месяцам (сертификат / родитель)</source>
        <translation>Per month (certificate / parent)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="437"/>
        <source>первый месяц %1 / %2, далее %3 / %4</source>
        <translation>first month %1 / %2, then %3 / %4</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="450"/>
        <source>Сертификат покрывает не всё: родитель доплачивает разницу.</source>
        <translation>The certificate does not cover everything: the parent pays the difference.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="462"/>
        <source>Платная программа: сертификат не используется.</source>
        <translation>Paid programme: the certificate is not used.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="464"/>
        <source>Программа из реестра «%1»: оплата по сертификату не списывается.</source>
        <translation>Programme of the “%1” registry: nothing is charged to the certificate.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="497"/>
        <source>Заявка не сохранена из-за внутренней ошибки.</source>
        <translation>The application was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>NewChildDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="77"/>
        <source>Новый ребёнок</source>
        <translation>New child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="83"/>
        <source>Запрос уйдёт на портал при синхронизации. Портал найдёт ребёнка в реестре по ФИО и дате рождения (и СНИЛС) или создаст нового с сертификатом учёта.</source>
        <translation>The request goes to the portal with the next sync. The portal finds the child in the registry by name and date of birth (and SNILS) or creates a new one with an accounting certificate.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="91"/>
        <source>Иванов</source>
        <translation>Ivanov</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="92"/>
        <source>Иван</source>
        <translation>Ivan</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="93"/>
        <source>Иванович (если есть)</source>
        <translation>Ivanovich (if any)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="103"/>
        <source>IV-МЮ 123456</source>
        <translation>IV-МЮ 123456</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="105"/>
        <source>10 цифр, если есть</source>
        <translation>10 digits, if any</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="107"/>
        <source>Иванова</source>
        <translation>Ivanova</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="108"/>
        <source>Мария</source>
        <translation>Maria</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="109"/>
        <source>Петровна</source>
        <translation>Petrovna</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="134"/>
        <source>Ребёнок</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="136"/>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="147"/>
        <source>Фамилия:</source>
        <translation>Surname:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="137"/>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="148"/>
        <source>Имя:</source>
        <translation>First name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="138"/>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="149"/>
        <source>Отчество:</source>
        <translation>Patronymic:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="139"/>
        <source>Дата рождения:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="140"/>
        <source>СНИЛС:</source>
        <translation>SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="141"/>
        <source>Документ:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="142"/>
        <source>Серия и номер:</source>
        <translation>Series and number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="143"/>
        <source>Сертификат:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="145"/>
        <source>Родитель (законный представитель)</source>
        <translation>Parent (legal representative)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="150"/>
        <source>Кем приходится:</source>
        <translation>Relation:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="151"/>
        <source>Телефон:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="152"/>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="162"/>
        <source>Открыть карточку</source>
        <translation>Open the card</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="169"/>
        <source>Отправить запрос</source>
        <translation>Send request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="324"/>
        <source>%1
Новый запрос не нужен: откройте карточку этого ребёнка.</source>
        <translation>%1
No new request is needed: open this child&apos;s card.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="315"/>
        <source>Запрос не сохранён из-за внутренней ошибки.</source>
        <translation>The request was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>OperatorMessages</name>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="43"/>
        <source>Портал не ответил вовремя (медленная или прерванная связь). Данные сохранены на этом ПК и будут отправлены при следующей синхронизации.</source>
        <translation>The portal did not answer in time (a slow or broken connection). The data are kept on this PC and will be sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="45"/>
        <source>Портал прислал ответ, который программа не понимает (возможно, сбой портала или прокси). Ничего не потеряно: повторите синхронизацию позже.</source>
        <translation>The portal sent an answer the program does not understand (perhaps a failure of the portal or a proxy). Nothing is lost: sync again later.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="47"/>
        <source>Портал не принимает ключ этого ПК (устройство отключено или ключ отозван). Получите у оператора портала новый код подключения и подключите ПК заново; несинхронизированные данные сохранены.</source>
        <translation>The portal does not accept this PC&apos;s key (the device was disconnected or the key revoked). Get a new connection code from the portal&apos;s operator and connect the PC again; the unsynced data are kept.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="50"/>
        <source>Синхронизация прервана. Всё, что успело пройти, сохранено.</source>
        <translation>Sync stopped. Everything that got through is kept.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="51"/>
        <source>ПК не подключён к порталу: сначала подключите его кодом.</source>
        <translation>The PC is not connected to the portal: connect it with a code first.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="65"/>
        <source>Нет связи с порталом %1 (%2). Работайте дальше: всё сохранено на этом ПК и уйдёт на портал при следующей синхронизации.</source>
        <translation>No connection to the portal %1 (%2). Keep working: everything is saved on this PC and goes to the portal at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="74"/>
        <source>Сбой на стороне портала (HTTP %1). Ничего не потеряно: программа повторит отправку позже.</source>
        <translation>A failure on the portal&apos;s side (HTTP %1). Nothing is lost: the program will send again later.</translation>
    </message>
</context>
<context>
    <name>PaymentBlockers</name>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="73"/>
        <source>счёт за %m можно выставить с %since</source>
        <translation>the invoice for %m can be issued from %since</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="75"/>
        <source>заявок без решения старше %days дн.: %c</source>
        <translation>applications without a decision for more than %days days: %c</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="77"/>
        <source>занятие %d без отметок</source>
        <translation>lesson of %d has no marks</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="79"/>
        <source>не отмечено занятий: %c</source>
        <translation>lessons without marks: %c</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="81"/>
        <source>занятие %d — детей без отметки: %c</source>
        <translation>lesson of %d: children without a mark: %c</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="83"/>
        <source>занятий, где отмечены не все дети: %c</source>
        <translation>lessons where not every child is marked: %c</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="119"/>
        <source>Заявка на аванс</source>
        <translation>Advance request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="120"/>
        <source>Заявка на аванс за текущий месяц: предпросмотр и печать</source>
        <translation>The advance request for the current month: preview and print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="122"/>
        <source>Счёт за месяц</source>
        <translation>Invoice for the month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="124"/>
        <source>Счёт с приложением за выбранный месяц: предпросмотр и печать</source>
        <translation>The invoice with its annex for the chosen month: preview and print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="126"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="129"/>
        <source>Месяц:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="137"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="137"/>
        <source>Программа</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="137"/>
        <source>Запланировано</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="137"/>
        <source>Проведено</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="138"/>
        <source>Не проведено</source>
        <translation>Not held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="138"/>
        <source>Объём, %</source>
        <translation>Completeness, %</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="138"/>
        <source>Договоров</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="138"/>
        <source>Сертификаты, ₽</source>
        <translation>Certificates, ₽</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="139"/>
        <source>Родители, ₽</source>
        <translation>Parents, ₽</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="149"/>
        <source>Двойной щелчок или Enter — открыть журнал на этом занятии</source>
        <translation>Double-click or Enter opens the journal at this lesson</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="158"/>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="161"/>
        <source>Отправить на портал</source>
        <translation>Send to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="159"/>
        <source>Отправить заявку на аванс за текущий месяц на портал</source>
        <translation>Send the advance request for the current month to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="162"/>
        <source>Отправить счёт за выбранный месяц на портал</source>
        <translation>Send the invoice for the chosen month to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="258"/>
        <source>Заявка на аванс за %1</source>
        <translation>Advance request for %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="258"/>
        <source>Счёт за %1</source>
        <translation>Invoice for %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="261"/>
        <source>%1: ещё не отправлена на портал</source>
        <translation>%1: not sent to the portal yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="262"/>
        <source>%1: ещё не отправлен на портал</source>
        <translation>%1: not sent to the portal yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="275"/>
        <source>За этот месяц уже выставлен счёт: аванс после счёта не подаётся</source>
        <translation>The month is already invoiced: no advance after the invoice</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="277"/>
        <source>Можно отправить с %1</source>
        <translation>Can be sent from %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="279"/>
        <source>Документ за этот месяц уже отправлен или ждёт отправки</source>
        <translation>The document for this month is already sent or waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="281"/>
        <source>Отправить на портал (уйдёт при следующей синхронизации)</source>
        <translation>Send to the portal (goes with the next sync)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="307"/>
        <source>Договоров: %1 · по сертификатам к оплате: %2 · родители: %3</source>
        <translation>Contracts: %1 · due by certificates: %2 · parents: %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="312"/>
        <source>Месяц нельзя закрыть, пока не исправлено:</source>
        <translation>The month cannot be closed until this is fixed:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="314"/>
        <source>Препятствий для закрытия месяца нет.</source>
        <translation>Nothing prevents closing the month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="373"/>
        <source>В очереди: %1. Уйдёт на портал при следующей синхронизации.</source>
        <translation>Queued: %1. It goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="391"/>
        <source>Экспорт месяца в Excel</source>
        <translation>Export the month to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="392"/>
        <source>Оплата</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="403"/>
        <source>договоров: %1</source>
        <translation>contracts: %1</translation>
    </message>
</context>
<context>
    <name>PendingAction</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="153"/>
        <source>новый ребёнок</source>
        <translation>new child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="154"/>
        <source>выбор ребёнка</source>
        <translation>choice of the child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="155"/>
        <source>подача заявки</source>
        <translation>application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="156"/>
        <source>подтверждение заявки</source>
        <translation>confirmation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="157"/>
        <source>отклонение заявки</source>
        <translation>rejection</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="158"/>
        <source>отзыв заявки</source>
        <translation>withdrawal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="159"/>
        <source>зачисление</source>
        <translation>enrolment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="160"/>
        <source>отчисление</source>
        <translation>expulsion</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="161"/>
        <source>перевод в другую группу</source>
        <translation>transfer to another group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="162"/>
        <source>расторжение договора</source>
        <translation>contract termination</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="163"/>
        <source>состояние занятия</source>
        <translation>lesson state</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="164"/>
        <source>заявка на аванс</source>
        <translation>advance request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="165"/>
        <source>счёт за месяц</source>
        <translation>invoice for the month</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="162"/>
        <source>Предпросмотр: %1</source>
        <translation>Preview: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="179"/>
        <source>Страниц: %1</source>
        <translation>Pages: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="185"/>
        <source>Печать…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="188"/>
        <source>Сохранить PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="190"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="256"/>
        <source>Печать: %1</source>
        <translation>Print: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="270"/>
        <source>Отправлено на печать страниц: %1</source>
        <translation>Pages sent to the printer: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="272"/>
        <source>Принтер не принял задание: проверьте, что он включён и выбран.</source>
        <translation>The printer did not accept the job: check that it is on and selected.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="320"/>
        <source>Сохранить PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="320"/>
        <source>Документ PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="331"/>
        <source>Файл не сохранён: %1</source>
        <translation>File not saved: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="334"/>
        <source>Сохранено: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="298"/>
        <source>Проверка строк</source>
        <translation>Checking the rows</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="301"/>
        <source>Красные строки с ошибками и жёлтые (ребёнок уже есть в базе) будут пропущены; причина — в столбце «Проверка», целиком — под таблицей для выбранной строки.</source>
        <translation>Red rows (errors) and yellow rows (the child is already known) are skipped; the reason is in the “Check” column, in full under the table for the chosen row.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="306"/>
        <source>Импортировать</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="355"/>
        <source>Проверяю строки…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="365"/>
        <source>Строки не проверены из-за внутренней ошибки: ничего не изменено.</source>
        <translation>The rows were not checked because of an internal error: nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="375"/>
        <source>Выберите строку, чтобы прочитать причину целиком.</source>
        <translation>Choose a row to read the whole reason.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="380"/>
        <source>Строк в файле: %1. Будут импортированы: %2. С ошибками: %3. Уже есть в базе: %4.</source>
        <translation>Rows in the file: %1. To import: %2. With errors: %3. Already known: %4.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="387"/>
        <source>Импортировать нечего: исправьте файл или столбцы.</source>
        <translation>Nothing to import: fix the file or the columns.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="397"/>
        <source>Строка %1: </source>
        <translation>Row %1: </translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="399"/>
        <source>будет импортирована.</source>
        <translation>will be imported.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="429"/>
        <source>Импорт…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="447"/>
        <source>Импорт не выполнен из-за внутренней ошибки: ничего не изменено.</source>
        <translation>The import failed because of an internal error: nothing was changed.</translation>
    </message>
</context>
<context>
    <name>PrintForm</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="124"/>
        <source>Заявление о предоставлении сертификата</source>
        <translation>Application for a certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="125"/>
        <source>Выписка из реестра сертификатов</source>
        <translation>Extract from the certificate register</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="126"/>
        <source>Заявление о зачислении</source>
        <translation>Enrolment application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="127"/>
        <source>Договор об образовании (оферта)</source>
        <translation>Education contract (offer)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="128"/>
        <source>Согласие на обработку персональных данных</source>
        <translation>Consent to personal data processing</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="129"/>
        <source>Журнал посещаемости</source>
        <translation>Attendance journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="130"/>
        <source>Уведомление о расторжении договора</source>
        <translation>Notice of contract termination</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="131"/>
        <source>Счёт на оплату за месяц с приложением</source>
        <translation>Invoice for the month with its annex</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="132"/>
        <source>Заявка на аванс</source>
        <translation>Advance request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="133"/>
        <source>Реестр договоров за месяц</source>
        <translation>Register of contracts for the month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="134"/>
        <source>Отчёт о показателях за месяц</source>
        <translation>Indicators report for the month</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="189"/>
        <source>Печатать нечего: документов нет.</source>
        <translation>Nothing to print: there are no documents.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="267"/>
        <source>Отменяю…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="294"/>
        <source>PDF открыт в программе просмотра; файл: %1</source>
        <translation>The PDF is open in the system viewer; file: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="327"/>
        <source>Документ не напечатан из-за внутренней ошибки.</source>
        <translation>The document was not printed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ProgramCardView</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="92"/>
        <source>Направленность</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="93"/>
        <source>Вид</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="94"/>
        <source>Форма обучения</source>
        <translation>Form of study</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="95"/>
        <source>Уровень</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="96"/>
        <source>Реестр</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="97"/>
        <source>Возраст</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="98"/>
        <source>Продолжительность</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="98"/>
        <source>%1 нед.</source>
        <translation>%1 wk</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="99"/>
        <source>ОВЗ</source>
        <translation>Disabilities (OVZ)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="99"/>
        <source>нет</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="101"/>
        <source>Медицинская справка</source>
        <translation>Medical certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="102"/>
        <source>нужна</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="102"/>
        <source>не нужна</source>
        <translation>not required</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="104"/>
        <source>Адреса</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="105"/>
        <source>Педагоги</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="113"/>
        <source>Аннотация</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="115"/>
        <source>Модули</source>
        <translation>Modules</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="118"/>
        <source>Модулей нет.</source>
        <translation>No modules.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="120"/>
        <source>мест: %1</source>
        <translation>places: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="121"/>
        <source>расписание не задано</source>
        <translation>no schedule</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="123"/>
        <source>%1 ч, детей в группе %2–%3, цена %4, нормативная стоимость %5</source>
        <translation>%1 h, %2–%3 children per group, price %4, normative cost %5</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="56"/>
        <source>Выберите программу в списке, чтобы увидеть её карточку.</source>
        <translation>Choose a programme in the list to see its card.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="63"/>
        <source>(без названия)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="64"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="73"/>
        <source>Замечание модератора: %1</source>
        <translation>Moderator&apos;s comment: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="75"/>
        <source>Портал не принял карточку: %1</source>
        <translation>The portal refused the card: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="81"/>
        <source>Карточка изменена на портале, пока правился черновик: откройте редактор, чтобы сверить.</source>
        <translation>The card changed on the portal while the draft was being edited: open the editor to compare.</translation>
    </message>
</context>
<context>
    <name>ProgramEditorDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="95"/>
        <source>Новая программа</source>
        <translation>New programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="96"/>
        <source>Программа: %1</source>
        <translation>Programme: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="105"/>
        <source>Основное</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="106"/>
        <source>Модули</source>
        <translation>Modules</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="107"/>
        <source>Группы</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="115"/>
        <source>Сохранить черновик</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="118"/>
        <source>Отправить на модерацию</source>
        <translation>Submit for moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="120"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="163"/>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="304"/>
        <source>Показать версию портала</source>
        <translation>Show the portal&apos;s version</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="166"/>
        <source>Оставить мой черновик</source>
        <translation>Keep my draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="168"/>
        <source>Черновик ляжет поверх новой версии портала; его можно будет отправить на модерацию</source>
        <translation>The draft is placed on top of the portal&apos;s new version; it can then be submitted for moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="171"/>
        <source>Взять версию портала</source>
        <translation>Take the portal&apos;s version</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="172"/>
        <source>Удалить черновик и открыть карточку, как она на портале</source>
        <translation>Delete the draft and open the card as it is on the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="270"/>
        <source>Карточка изменена на портале после того, как вы начали черновик. Черновик сохранён на ПК; сравните его с версией портала и решите, что отправить.</source>
        <translation>The card changed on the portal after you started the draft. The draft is kept on this PC; compare it with the portal&apos;s version and decide what to send.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="280"/>
        <source>Эту карточку сейчас изменить нельзя.</source>
        <translation>This card cannot be changed now.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="283"/>
        <source>(без комментария)</source>
        <translation>(no comment)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="286"/>
        <source>Модератор вернул карточку на доработку: «%1». Исправьте и отправьте снова — это будет новая редакция.</source>
        <translation>The moderator returned the card for revision: “%1”. Fix it and submit again — it will be a new revision.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="304"/>
        <source>Скрыть версию портала</source>
        <translation>Hide the portal&apos;s version</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="321"/>
        <source>Сохраняю выбор…</source>
        <translation>Saving the choice…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="336"/>
        <source>Черновик оставлен: его можно отправить на модерацию.</source>
        <translation>Draft kept: it can be submitted for moderation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="338"/>
        <source>В редакторе — карточка с портала; черновик удалён.</source>
        <translation>The editor shows the portal&apos;s card; the draft was deleted.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="379"/>
        <source>Сохраняю черновик…</source>
        <translation>Saving the draft…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="387"/>
        <source>Черновик сохранён на ПК. На портал он уйдёт, когда вы отправите его на модерацию.</source>
        <translation>Draft saved on this PC. It goes to the portal when you submit it for moderation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="401"/>
        <source>Сначала решите расхождение с порталом: «Оставить мой черновик» или «Взять версию портала».</source>
        <translation>First resolve the difference with the portal: “Keep my draft” or “Take the portal&apos;s version”.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="412"/>
        <source>Карточка не отправлена: исправьте замечания (%1).</source>
        <translation>The card was not submitted: fix the problems (%1).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="363"/>
        <source>Отправляю на модерацию…</source>
        <translation>Submitting for moderation…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="451"/>
        <source>Портал не примет карточку: исправьте замечания.</source>
        <translation>The portal will not accept the card: fix the problems.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="461"/>
        <source>Карточка не сохранена из-за внутренней ошибки.</source>
        <translation>The card was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="487"/>
        <source>Сохраняю группу…</source>
        <translation>Saving the group…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="493"/>
        <source>Группа сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Group saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="505"/>
        <source>Есть несохранённые изменения (черновик или группы). Сохраните их или нажмите «Закрыть» ещё раз, чтобы выйти без сохранения.</source>
        <translation>There are unsaved changes (draft or groups). Save them or press “Close” again to leave without saving.</translation>
    </message>
</context>
<context>
    <name>ProgramKind</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="135"/>
        <source>общеразвивающая</source>
        <translation>general developmental</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="136"/>
        <source>предпрофессиональная</source>
        <translation>pre-professional</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="137"/>
        <source>спортивной подготовки</source>
        <translation>sports training</translation>
    </message>
</context>
<context>
    <name>ProgramLevel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="142"/>
        <source>стартовый</source>
        <translation>starting</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="143"/>
        <source>базовый</source>
        <translation>basic</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="144"/>
        <source>продвинутый</source>
        <translation>advanced</translation>
    </message>
</context>
<context>
    <name>ProgramStatus</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="117"/>
        <source>черновик</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="118"/>
        <source>на модерации</source>
        <translation>in moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="119"/>
        <source>опубликована</source>
        <translation>published</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="120"/>
        <source>на доработке</source>
        <translation>returned for revision</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="121"/>
        <source>архив</source>
        <translation>archived</translation>
    </message>
</context>
<context>
    <name>ProgramTexts</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="13"/>
        <source>пн</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="14"/>
        <source>вт</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="15"/>
        <source>ср</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="16"/>
        <source>чт</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="17"/>
        <source>пт</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="18"/>
        <source>сб</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="19"/>
        <source>вс</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="26"/>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="31"/>
        <source>лет</source>
        <translation>years</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="28"/>
        <source>год</source>
        <translation>year</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="30"/>
        <source>года</source>
        <translation>years</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="77"/>
        <source>на доработке: %1</source>
        <translation>returned for revision: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="81"/>
        <source>%1 · новая редакция на модерации</source>
        <translation>%1 · new revision under moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="86"/>
        <source>%1 · изменена на портале: сверьте черновик</source>
        <translation>%1 · changed on the portal: check the draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="90"/>
        <source>черновик на ПК</source>
        <translation>draft on this PC</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="94"/>
        <source>портал не принял: %1</source>
        <translation>refused by the portal: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="114"/>
        <source>по датам: %1</source>
        <translation>by dates: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="238"/>
        <source>Полное название</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="239"/>
        <source>Краткое название</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="240"/>
        <source>Аннотация</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="241"/>
        <source>Направленность</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="242"/>
        <source>Вид</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="243"/>
        <source>Форма обучения</source>
        <translation>Form of study</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="244"/>
        <source>Уровень</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="245"/>
        <source>Реестр</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="246"/>
        <source>Возраст</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="247"/>
        <source>Продолжительность, недель</source>
        <translation>Duration, weeks</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="248"/>
        <source>ОВЗ</source>
        <translation>Disabilities (OVZ)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="249"/>
        <source>Медицинская справка</source>
        <translation>Medical certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="250"/>
        <source>Адреса</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="251"/>
        <source>Педагоги</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="273"/>
        <source>да</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="275"/>
        <source>нет</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="281"/>
        <source>Модуль %1</source>
        <translation>Module %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="285"/>
        <source>%1: %2 ч, детей %3–%4, цена %5, норматив %6</source>
        <translation>%1: %2 h, %3–%4 children, price %5, normative %6</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="302"/>
        <source>%1, группа «%2»</source>
        <translation>%1, group “%2”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="305"/>
        <source>%1, мест %2, %3; %4</source>
        <translation>%1, %2 places, %3; %4</translation>
    </message>
</context>
<context>
    <name>ProgramsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="79"/>
        <source>Название или педагог</source>
        <translation>Name or teacher</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="83"/>
        <source>Все направленности</source>
        <translation>All directions</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="89"/>
        <source>любого</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="90"/>
        <source> лет</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="92"/>
        <source>Программы, которые принимают ребёнка этого возраста</source>
        <translation>Programmes that accept a child of this age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="94"/>
        <source>Все реестры</source>
        <translation>All registries</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="98"/>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="102"/>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="179"/>
        <source>Все педагоги</source>
        <translation>All teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="122"/>
        <source>Новая программа…</source>
        <translation>New programme…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="124"/>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="282"/>
        <source>Редактировать…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="136"/>
        <source>для возраста</source>
        <translation>for age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="222"/>
        <source>Программ: %1 из %2</source>
        <translation>Programmes: %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="224"/>
        <source>Программ: %1</source>
        <translation>Programmes: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="243"/>
        <source>Все направленности (%1)</source>
        <translation>All directions (%1)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="282"/>
        <source>Открыть…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="291"/>
        <source>Экспорт каталога программ в Excel</source>
        <translation>Export the programme catalogue to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="292"/>
        <source>Программы</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="303"/>
        <source>программ: %1</source>
        <translation>programmes: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="379"/>
        <source>Черновик сохранён на ПК.</source>
        <translation>Draft saved on this PC.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="383"/>
        <source>Карточка отправлена на модерацию: она уйдёт на портал при синхронизации.</source>
        <translation>The card was submitted for moderation: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="386"/>
        <source>Группа сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Group saved: it goes to the portal with the next sync.</translation>
    </message>
</context>
<context>
    <name>ProgramsTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="47"/>
        <source>Программа</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="48"/>
        <source>Направленность</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="49"/>
        <source>Возраст</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="50"/>
        <source>Реестр</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="51"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="52"/>
        <source>Педагоги</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="53"/>
        <source>Мод./гр.</source>
        <translation>Mod./gr.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="74"/>
        <source>Модулей / групп</source>
        <translation>Modules / groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="95"/>
        <source>(без названия)</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="123"/>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="144"/>
        <source>Готовлю документы…</source>
        <translation>Preparing the documents…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="127"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="139"/>
        <source>Документ %1 из %2</source>
        <translation>Document %1 of %2</translation>
    </message>
</context>
<context>
    <name>Registry</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="110"/>
        <source>сертифицированные</source>
        <translation>certified</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="111"/>
        <source>предпрофессиональные</source>
        <translation>pre-professional</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="112"/>
        <source>значимые</source>
        <translation>socially significant</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="113"/>
        <source>общеразвивающие (иные)</source>
        <translation>general developmental (other)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="114"/>
        <source>платные</source>
        <translation>paid</translation>
    </message>
</context>
<context>
    <name>RejectReason</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="84"/>
        <source>Нет свободных мест в группе</source>
        <translation>No free places in the group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="85"/>
        <source>Не представлены необходимые документы</source>
        <translation>Required documents not provided</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="86"/>
        <source>Нет медицинского допуска</source>
        <translation>No medical clearance</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="87"/>
        <source>Родитель (законный представитель) отказался от обучения</source>
        <translation>The parent (legal guardian) declined the programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="88"/>
        <source>Расписание группы не подходит</source>
        <translation>The group&apos;s schedule does not suit</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="89"/>
        <source>Иная причина (указана в комментарии)</source>
        <translation>Other reason (given in the comment)</translation>
    </message>
</context>
<context>
    <name>Relation</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="97"/>
        <source>мать</source>
        <translation>mother</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="98"/>
        <source>отец</source>
        <translation>father</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="99"/>
        <source>опекун (попечитель)</source>
        <translation>guardian (custodian)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="100"/>
        <source>иной законный представитель</source>
        <translation>other legal representative</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="461"/>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="476"/>
        <source>Импортировано: %1 — запросы на новых детей уйдут на портал при синхронизации; портал найдёт каждого в реестре или создаст с сертификатом учёта. Пропущено строк: %2.</source>
        <translation>Imported: %1 — the new-child requests go to the portal with the next sync; the portal finds each child in the registry or creates it with an accounting certificate. Rows skipped: %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="484"/>
        <source>Почему пропущены строки:</source>
        <translation>Why rows were skipped:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="489"/>
        <source>Пропущенные строки:</source>
        <translation>Skipped rows:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="491"/>
        <source>  строка %1: %2</source>
        <translation>  row %1: %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="492"/>
        <source>Все строки импортированы.</source>
        <translation>All rows were imported.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="154"/>
        <source>Восстановление из резервной копии</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="158"/>
        <source>Выберите резервную копию базы. Текущий файл базы не удаляется: он будет сохранён рядом (pfdo.sqlite3.damaged-…), и изменения, сделанные после копии и не отправленные на портал, останутся только в нём.</source>
        <translation>Choose a backup of the database. The current database file is not deleted: it is kept beside it (pfdo.sqlite3.damaged-…), and changes made after the backup and not sent to the portal remain only in it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="161"/>
        <source>База в порядке: восстанавливать её нужно, только если в ней что-то испорчено. Выбранная копия заменит текущую базу; текущая сохранится рядом (pfdo.sqlite3.replaced-…). Отметки и изменения, сделанные после копии и ещё не отправленные на портал, останутся только в ней — сначала синхронизируйте.</source>
        <translation>The database is fine: restore it only if something in it is spoiled. The chosen copy will replace the current database; the current one is kept beside it (pfdo.sqlite3.replaced-…). Marks and changes made after the copy and not yet sent to the portal will remain only in it — synchronise first.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="179"/>
        <source>Ищу резервные копии…</source>
        <translation>Looking for backups…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="181"/>
        <source>Восстановить</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="210"/>
        <source>ПК в этой копии не подключён к порталу — после восстановления понадобится новый код подключения (его выдаёт муниципальный опорный центр).</source>
        <translation>The PC in this copy is not connected to the portal — after restoring it you will need a new enrolment code (issued by the municipal support centre).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="214"/>
        <source>После восстановления синхронизируйте: всё, что есть на портале, загрузится заново.</source>
        <translation>After restoring, synchronise: everything on the portal will be downloaded again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="222"/>
        <source>Резервных копий нет (папка %1). Переименуйте повреждённый файл pfdo.sqlite3 и запустите программу: она создаст новую базу; подключите ПК заново и синхронизируйте. Неотправленные изменения останутся только в старом файле.</source>
        <translation>There are no backups (folder %1). Rename the damaged file pfdo.sqlite3 and start the program: it creates a new database; enrol the PC again and synchronise. Unsent changes stay only in the old file.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="228"/>
        <source>Все резервные копии повреждены: восстановить базу из них нельзя.</source>
        <translation>All backups are damaged: the database cannot be restored from them.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="230"/>
        <source>Самая свежая исправная копия выбрана.</source>
        <translation>The newest sound backup is selected.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="247"/>
        <source>Восстанавливаю…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="260"/>
        <source>Не удалось из-за внутренней ошибки.</source>
        <translation>Failed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>RosterImportWizard</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="509"/>
        <source>Импорт списка детей</source>
        <translation>Import a list of children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="513"/>
        <source>Далее &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="514"/>
        <source>&lt; Назад</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="515"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="516"/>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>RosterPreviewModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="27"/>
        <source>Строка</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="29"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="30"/>
        <source>Дата рождения</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="31"/>
        <source>СНИЛС</source>
        <translation>SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="32"/>
        <source>Сертификат</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="33"/>
        <source>Законный представитель</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="34"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="35"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="28"/>
        <source>Проверка</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="101"/>
        <source>Строка будет импортирована</source>
        <translation>The row will be imported</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="146"/>
        <source>✔ будет импортирован</source>
        <translation>✔ will be imported</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="46"/>
        <source>Расписание</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="49"/>
        <source>По дням недели</source>
        <translation>By weekdays</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="50"/>
        <source>По датам</source>
        <translation>By dates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="60"/>
        <source>Добавить день</source>
        <translation>Add day</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="77"/>
        <source>Добавить дату</source>
        <translation>Add date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="79"/>
        <source>Удалить дату</source>
        <translation>Delete date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="103"/>
        <source>Изменение расписания пересоздаёт будущие занятия; занятия с отметками сохраняются.</source>
        <translation>A schedule change regenerates future lessons; lessons with marks are kept.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="200"/>
        <source>Введите дату занятия (ДД.ММ.ГГГГ), затем нажмите «Добавить дату».</source>
        <translation>Enter the lesson date (DD.MM.YYYY), then click &quot;Add date&quot;.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="73"/>
        <source>Настройки</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="83"/>
        <source>Общие</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="84"/>
        <source>Портал</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="85"/>
        <source>Данные</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="86"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="106"/>
        <source>Язык меняется после перезапуска программы.</source>
        <translation>The language changes after a restart of the app.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="111"/>
        <source>только вручную</source>
        <translation>by hand only</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="112"/>
        <source>каждые %1 мин</source>
        <translation>every %1 min</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="113"/>
        <source>каждые %1 ч</source>
        <translation>every %1 h</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="128"/>
        <source>не подключён</source>
        <translation>not connected</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="129"/>
        <source>Проверить соединение</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="142"/>
        <source>Отключить ПК от портала…</source>
        <translation>Disconnect the PC from the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="146"/>
        <source>Ключ доступа к порталу удаляется с этого ПК; данные остаются. Подключить ПК снова можно новым кодом подключения.</source>
        <translation>The portal access key is removed from this PC; the data stay. The PC can be connected again with a new connection code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="168"/>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="176"/>
        <source>Открыть папку</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="118"/>
        <source>Язык интерфейса:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="120"/>
        <source>Синхронизировать, пока программа открыта:</source>
        <translation>Synchronise while the app is open:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="154"/>
        <source>Портал:</source>
        <translation>Portal:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="140"/>
        <source>Включается командой pfdo-desktop schedule install</source>
        <translation>Turned on by the command pfdo-desktop schedule install</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="156"/>
        <source>Синхронизация по расписанию:</source>
        <translation>Scheduled synchronisation:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="213"/>
        <source>Папка данных:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="217"/>
        <source>Резервные копии:</source>
        <translation>Backups:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="138"/>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="325"/>
        <source>Проверяю…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="170"/>
        <source>Перенести…</source>
        <translation>Move…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="171"/>
        <source>Перенести базу и резервные копии в другую папку или на другой диск</source>
        <translation>Move the database and the backups to another folder or another disk</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="178"/>
        <source>Изменить…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="179"/>
        <source>Другой диск или флешка: копии переживут поломку этого диска</source>
        <translation>Another disk or a USB stick: the copies survive a failure of this disk</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="181"/>
        <source>Как обычно</source>
        <translation>As usual</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="182"/>
        <source>Папка backups в папке данных</source>
        <translation>The backups folder in the data folder</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="188"/>
        <source>%1 дней</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="190"/>
        <source>Лишние ежедневные копии удаляются, начиная с самых старых; копии перед обновлением программы и после подключения к порталу хранятся отдельно.</source>
        <translation>Extra daily copies are deleted, the oldest first; the copies made before an update of the program and after connecting to the portal are kept apart.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="208"/>
        <source>Учебные данные не переносятся.</source>
        <translation>Training data are not moved.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="219"/>
        <source>Хранить ежедневные копии:</source>
        <translation>Keep daily copies:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="225"/>
        <source>Принтер по умолчанию системы</source>
        <translation>The system&apos;s default printer</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="230"/>
        <source>%1 (сейчас не найден)</source>
        <translation>%1 (not found now)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="233"/>
        <source>Печатать на обеих сторонах листа (если принтер умеет)</source>
        <translation>Print on both sides of the sheet (if the printer can)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="236"/>
        <source>Бумага — A4: все формы программы рассчитаны на A4 (журнал и реестр договоров — альбомные). Принтер и двусторонняя печать выбираются заранее в окне печати; там же их можно изменить для одного документа.</source>
        <translation>Paper: A4 — every form of the program is made for A4 (the journal and the register of contracts in landscape). The printer and double-sided printing chosen here are preset in the print dialog; they can be changed there for one document.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="243"/>
        <source>Принтеры в системе не найдены: документ можно сохранить в PDF.</source>
        <translation>No printers found in the system: a document can be saved as a PDF.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="246"/>
        <source>Принтер:</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="289"/>
        <source>не настроена (pfdo-desktop schedule install)</source>
        <translation>not set up (pfdo-desktop schedule install)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="293"/>
        <source>следующая %1</source>
        <translation>next %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="295"/>
        <source>последняя %1 (%2)</source>
        <translation>last %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="330"/>
        <source>Портал «%1» отвечает (%2 мс).</source>
        <translation>The portal «%1» answers (%2 ms).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="362"/>
        <source>После отключения ПК перестанет синхронизироваться: ключ доступа к порталу будет удалён из хранилища паролей этого ПК, а при следующем запуске программа предложит подключиться заново (нужен новый одноразовый код из муниципального опорного центра). Журнал, дети и заявки останутся на этом ПК. На портале запись об этом ПК остаётся, пока её не отзовёт опорный центр.</source>
        <translation>Once disconnected, the PC stops syncing: the portal access key is removed from this PC&apos;s password store, and at the next start the program offers to connect again (a new one-time code from the municipal support centre is needed). The journal, the children and the applications stay on this PC. The portal keeps its record of this PC until the support centre revokes it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="366"/>
        <source>Отключить ПК от портала</source>
        <translation>Disconnect the PC from the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="372"/>
        <source>На портал ещё не отправлено изменений: %1. Сначала синхронизируйте, чтобы они дошли до портала. Если отключить всё равно, они останутся на этом ПК и уйдут, когда его снова подключат к тому же порталу и той же организации.</source>
        <translation>Changes not yet sent to the portal: %1. Sync first so that they reach the portal. If you disconnect anyway, they stay on this PC and go when it is connected again to the same portal and the same organisation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="375"/>
        <source>Отключить всё равно</source>
        <translation>Disconnect anyway</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="377"/>
        <source>Отключить</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="378"/>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="442"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="390"/>
        <source>Отключаю…</source>
        <translation>Disconnecting…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="398"/>
        <source>ПК отключён от портала. Чтобы подключить его снова, выберите «Сервис → Подключить к порталу» и введите новый код.</source>
        <translation>The PC is disconnected from the portal. To connect it again, choose “Service → Connect to the portal” and enter a new code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="401"/>
        <source>Не отправлено на портал: %1 — изменения сохранены на этом ПК.</source>
        <translation>Not sent to the portal: %1 — the changes are kept on this PC.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="425"/>
        <source>Новая папка данных (пустая или новая)</source>
        <translation>New data folder (empty or new)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="433"/>
        <source>Перенести данные программы из папки %1 в папку %2?

Программа скопирует базу, резервные копии и журналы, проверит копию и дальше будет работать с новой папкой; прежняя папка будет удалена только после успешной проверки. Синхронизация по расписанию будет перенесена на новую папку. Во время переноса работать с программой нельзя.</source>
        <translation>Move the program&apos;s data from the folder %1 to the folder %2?

The program copies the database, the backups and the logs, checks the copy and then works with the new folder; the old folder is deleted only after a successful check. The scheduled sync moves to the new folder. The program cannot be used while moving.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="438"/>
        <source>Перенести папку данных</source>
        <translation>Move the data folder</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="441"/>
        <source>Перенести</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="456"/>
        <source>Переношу данные…</source>
        <translation>Moving the data…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="496"/>
        <source>Папка сейчас недоступна (диск или флешка не подключены): копии сохраняются в %1.</source>
        <translation>The folder is not available now (the disk or USB stick is not connected): copies are saved in %1.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="499"/>
        <source>Изменение вступит в силу после «Сохранить»: в новую папку сразу будет сделана копия.</source>
        <translation>The change takes effect after “Save”: a copy is made in the new folder at once.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="509"/>
        <source>Папка для резервных копий</source>
        <translation>Folder for backups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="547"/>
        <source>Сохраняю резервную копию в выбранную папку…</source>
        <translation>Saving a backup to the chosen folder…</translation>
    </message>
</context>
<context>
    <name>SlotRow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="46"/>
        <source>понедельник</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="47"/>
        <source>вторник</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="48"/>
        <source>среда</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="49"/>
        <source>четверг</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="50"/>
        <source>пятница</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="51"/>
        <source>суббота</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="52"/>
        <source>воскресенье</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="183"/>
        <source>кабинет</source>
        <translation>room</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="186"/>
        <source>Удалить этот день</source>
        <translation>Delete this day</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="196"/>
        <source>с</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="198"/>
        <source>до</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="127"/>
        <source>Запускаю демонстрационный портал и загружаю данные…</source>
        <translation>Starting the demo portal and loading data…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="144"/>
        <source>Открываю базу данных…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="163"/>
        <source>Демо: портал запущен на %1</source>
        <translation>Demo: the portal runs at %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="207"/>
        <source>ПК подключён: %1. Данные загружены.</source>
        <translation>PC connected: %1. Data loaded.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="211"/>
        <source>ПК подключён: %1. Данные загрузятся при следующей синхронизации.</source>
        <translation>PC connected: %1. The data will be loaded at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="215"/>
        <source>ПК не подключён к порталу: отметки сохраняются, отправить их можно после подключения.</source>
        <translation>This PC is not connected to the portal: marks are saved and can be sent once it is connected.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="236"/>
        <source>Не удалось открыть данные программы.</source>
        <translation>The program&apos;s data could not be opened.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="250"/>
        <source>Восстановить из резервной копии…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="252"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StringListEditor</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="113"/>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>StudyForm</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="138"/>
        <source>очная</source>
        <translation>full-time</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="139"/>
        <source>очно-заочная</source>
        <translation>part-time</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="140"/>
        <source>заочная</source>
        <translation>distance</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="141"/>
        <source>очная с применением дистанционных технологий</source>
        <translation>full-time with distance learning technologies</translation>
    </message>
</context>
<context>
    <name>SyncProgress</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/progress.py" line="12"/>
        <source>Отправка %1 из %2</source>
        <translation>Sending %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/progress.py" line="15"/>
        <source>Получено записей: %1</source>
        <translation>Records received: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/progress.py" line="16"/>
        <source>Связь с порталом…</source>
        <translation>Contacting the portal…</translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="106"/>
        <source>Доступна версия %1</source>
        <translation>Version %1 is available</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="109"/>
        <source>Портал опубликовал PFDO Desktop %1. Что нового:</source>
        <translation>The portal has published PFDO Desktop %1. What is new:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="114"/>
        <source>Портал не описал изменения.</source>
        <translation>The portal has not described the changes.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="115"/>
        <source>Файл установки скачивается только по кнопке «Скачать» и проверяется по контрольной сумме портала.</source>
        <translation>The installer is downloaded only when you press «Download» and is checked against the portal&apos;s checksum.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="121"/>
        <source>Скачать</source>
        <translation>Download</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="124"/>
        <source>Установить</source>
        <translation>Install</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="125"/>
        <source>Открыть проверенный файл установки (его откроет система)</source>
        <translation>Open the checked installer (the system opens it)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="128"/>
        <source>Позже</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="154"/>
        <source>Скачиваю…</source>
        <translation>Downloading…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="173"/>
        <source>Скачано %1 МБ…</source>
        <translation>Downloaded %1 MB…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="178"/>
        <source>Файл скачан и проверен: %1. Нажмите «Установить», затем закройте программу, чтобы установщик мог её обновить.</source>
        <translation>The file is downloaded and checked: %1. Press «Install», then close the program so that the installer can update it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="191"/>
        <source>Не удалось скачать новую версию из-за внутренней ошибки.</source>
        <translation>The new version could not be downloaded because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="212"/>
        <source>Установщик открыт. Закройте программу, чтобы он мог заменить её файлы.</source>
        <translation>The installer is open. Close the program so that it can replace its files.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="215"/>
        <source>Система не открыла файл. Откройте его сами: %1</source>
        <translation>The system did not open the file. Open it yourself: %1</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="56"/>
        <source>Портал опубликовал новую версию программы: что в ней нового и как её установить</source>
        <translation>The portal has published a new version of the program: what is new in it and how to install it</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="76"/>
        <source>Доступна версия %1</source>
        <translation>Version %1 is available</translation>
    </message>
</context>
</TS>
